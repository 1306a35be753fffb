// The work of the handlers scenario in Node, as work.py: the parsed payload, checked and
// returned (the Node persistent and exec handlers call it).
'use strict';

/** The payload p, checked: an Error naming the field when it has no integer 'i'. */
function work(p) {
  if (p === null || typeof p !== 'object' || !Number.isInteger(p.i)) {
    throw new Error(`payload: not an object with an integer 'i': ${JSON.stringify(p)}`);
  }
  return p;
}

module.exports = { work };
