// Unit tests of the argument mapping (lib/options.js): no server needed.
'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const opt = require('../lib/options');
const { InvalidArgument } = require('../lib/errors');

test('submitParams maps options to jobq_submit parameters', () => {
  const conn = { query() {} };
  const { values, conn: c } = opt.submitParams('t', { a: 1 }, {
    queue: 'q', delay: 5, key: 'k', maxAttempts: 2, timeout: 1.5, metadata: { m: true }, uniqueFor: 60,
    priority: 7, concurrencyKey: 'tenant-a', after: 'ABCDEF01-2345-4678-89AB-CDEF01234567',
    afterAny: ['abcdef01-2345-4678-89ab-cdef01234568'], conn,
  });
  assert.deepEqual(values, ['t', '{"a":1}', 'q', null, 5, 2, 'k', 1.5, '{"m":true}', 60, 7, 'tenant-a',
    ['abcdef01-2345-4678-89ab-cdef01234567'], ['abcdef01-2345-4678-89ab-cdef01234568']]);
  assert.equal(c, conn);
  const d = new Date('2030-01-02T03:04:05.000Z');
  assert.deepEqual(opt.submitParams('t', undefined, { runAt: d }).values,
    ['t', null, null, '2030-01-02T03:04:05.000Z', null, null, null, null, null, null, null, null, null, null]);
  assert.deepEqual(opt.submitParams('t', {}, { after: [], afterAny: null }).values.slice(12), [null, null],
    'no dependency: NULL');
  assert.equal(opt.submitParams('t', [1, 2]).values[1], '[1,2]', 'an array payload stays JSON');
});

test('submitParams refuses bad options', () => {
  for (const o of [{ nope: 1 }, { delay: 'soon' }, { delay: -1 }, { delay: NaN }, { maxAttempts: 1.5 },
    { priority: 1.5 }, { priority: '9' },
    { runAt: new Date('x') }, { runAt: 5 }, { queue: 3 }, { conn: {} }, { delay: 1, runAt: '2030-01-01' },
    { uniqueFor: -1 }, { uniqueFor: '1h' }, { unique_for: 5 }, { concurrencyKey: 7 },
    { concurrency_key: 'a' }, { after: 'nope' }, { after: 7 }, { afterAny: ['x'] },
    { after: { id: 'abcdef01-2345-4678-89ab-cdef01234567' } }, { after_any: [] }]) {
    assert.throws(() => opt.submitParams('t', {}, o), InvalidArgument, JSON.stringify(o));
  }
  assert.throws(() => opt.submitParams('t', {}, 'x'), InvalidArgument);
  assert.throws(() => opt.submitParams('t', {}, { after: ['nope'] }), /^InvalidArgument: after: job id "nope" is not a UUID$/);
  assert.throws(() => opt.submitParams('t', {}, { afterAny: 7 }),
    /^InvalidArgument: afterAny must be a job id or an array of job ids$/);
});

test('manyJob maps ref, after and afterAny and checks their types', () => {
  assert.deepEqual(opt.manyJob({ type: 't', ref: 'a', after: 'b', afterAny: ['c', 'd'] }, 0),
    { type: 't', ref: 'a', after: 'b', after_any: ['c', 'd'] });
  assert.deepEqual(opt.manyJob({ type: 't', after: null }, 0), { type: 't', after: null });
  assert.throws(() => opt.manyJob({ type: 't', after: 7 }, 2),
    /^InvalidArgument: submitMany: job 3: after must be a job id or ref, or an array of them$/);
  assert.throws(() => opt.manyJob({ type: 't', afterAny: ['a', 1] }, 0),
    /^InvalidArgument: submitMany: job 1: afterAny must be a job id or ref, or an array of them$/);
});

test('a payload that JSON cannot express is an InvalidArgument', () => {
  const loop = {};
  loop.self = loop;
  assert.throws(() => opt.submitParams('t', loop), /payload: not serialisable as JSON/);
  assert.throws(() => opt.submitParams('t', { n: 1n }), /payload: not serialisable as JSON/);
  assert.throws(() => opt.submitParams('t', () => 1), /payload: not serialisable as JSON \(function\)/);
  assert.throws(() => opt.submitParams('t', {}, { metadata: { n: 2n } }), /metadata: not serialisable/);
});

test('manyJob renames runAt and maxAttempts and keeps other fields for the server', () => {
  assert.deepEqual(opt.manyJob({ type: 't', runAt: new Date(0), maxAttempts: 2, bogus: 1, key: undefined, uniqueFor: 5 }, 0),
    { type: 't', run_at: '1970-01-01T00:00:00.000Z', max_attempts: 2, bogus: 1, unique_for: 5 });
  assert.throws(() => opt.manyJob(null, 4), /job 5 must be an object/);
});

test('jobId accepts UUIDs in either case and returns lower case', () => {
  assert.equal(opt.jobId('6A0C2F35-3F0E-4D7B-9D47-7C1D3B2F9E01', 'x'), '6a0c2f35-3f0e-4d7b-9d47-7c1d3b2f9e01');
  assert.throws(() => opt.jobId('6a0c2f35', 'status'), /status: job id "6a0c2f35" is not a UUID/);
  assert.throws(() => opt.jobId(undefined, 'wait'), /wait: job id undefined is not a UUID/);
});
