// The jobq web console in a real browser (Debian's chromium, driven by puppeteer-core):
// run by tests/integration/test_web_browser.sh, which starts the stack, the console and a
// consumer and passes what it made in the environment:
//   WEB_URL, WEB_PASSWORD, JOB_RUNNING (a running job), JOB_FAILED (a failed job),
//   JOB_HOSTILE (a job whose values hold markup and control characters), TYPE (a job type
//   to filter on), SHOTS (where the screenshots go: docs/img).
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const puppeteer = require('puppeteer-core');

const env = (name) => {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set`);
  return v;
};
const base = env('WEB_URL');
let browser;
let page;

// The visible part of the page (1280 x 800): a full-page capture of a page that was behind
// another failed in chromium with "0 width".
const shot = (p, name) =>
  process.env.SHOTS ? p.screenshot({ path: path.join(process.env.SHOTS, `web-${name}.png`) })
                    : Promise.resolve();
const go = async (p, url) => {
  const res = await p.goto(base + url, { waitUntil: 'domcontentloaded' });
  assert.equal(res.status(), 200, `GET ${url}`);
  return res;
};

before(async () => {
  const args = ['--disable-gpu', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];
  if (process.getuid && process.getuid() === 0) args.push('--no-sandbox');
  browser = await puppeteer.launch({ executablePath: '/usr/bin/chromium', headless: true, args });
  page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 800 });
  // Any script error or CSP violation on a page fails the test that caused it.
  page.on('pageerror', (e) => { throw e; });
});

after(async () => {
  if (browser) await browser.close();
});

test('the login page, then a login with the password', async () => {
  await go(page, '/login');
  await shot(page, 'login');
  await page.type('input[name=password]', env('WEB_PASSWORD'));
  await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
  assert.equal(new URL(page.url()).pathname, '/');
  assert.ok(await page.$('form.logout'), 'a Log out button once logged in');
  const cookies = await page.cookies();
  const session = cookies.find((c) => c.name === 'jobq_session');
  assert.ok(session, 'a session cookie');
  assert.equal(session.httpOnly, true);
  assert.equal(session.sameSite, 'Strict');
  assert.equal(await page.evaluate(() => document.cookie.includes('jobq_session')), false,
    'the session cookie is out of reach of scripts');
  await shot(page, 'overview');
});

test('the job list filtered by type', async () => {
  await go(page, '/jobs');
  await page.type('form.filters input[name=type]', env('TYPE'));
  await Promise.all([page.waitForNavigation(), page.click('form.filters button[type=submit]')]);
  assert.match(page.url(), new RegExp(`type=${env('TYPE')}`));
  const types = await page.$$eval('table.jobs tbody tr', (rows) => rows.map((r) => r.cells[2].textContent));
  assert.ok(types.length >= 3, `some jobs listed (${types.length})`);
  for (const t of types) assert.equal(t, env('TYPE'));
  await shot(page, 'jobs');
});

test('a job opened from the list', async () => {
  await Promise.all([page.waitForNavigation(), page.click('table.jobs tbody tr a.id')]);
  assert.match(new URL(page.url()).pathname, /^\/jobs\/[0-9a-f-]{36}$/);
  assert.equal(await page.$eval('h1', (h) => h.textContent), 'Job');
  assert.ok(await page.$('ol.timeline li'), 'its history');
});

test('cancel a running job: another open page of it changes without a reload', async () => {
  const id = env('JOB_RUNNING');
  const watcher = await browser.newPage();
  await watcher.setViewport({ width: 1280, height: 800 });
  await go(watcher, `/jobs/${id}`);
  assert.match(await watcher.$eval('#state', (e) => e.textContent), /^running/);
  await shot(watcher, 'job');
  // A mark on the window: a reload would lose it.
  await watcher.evaluate(() => { window.jobqMark = 'kept'; });
  // Input goes to the page in front (a page behind it may not act on a click).
  await page.bringToFront();
  await go(page, `/jobs/${id}`);
  await Promise.all([page.waitForNavigation(), page.click('#cancel')]);
  await watcher.bringToFront();
  await watcher.waitForFunction(
    () => document.querySelector('#state').textContent === 'cancelled', { timeout: 15000 });
  assert.equal(await watcher.evaluate(() => window.jobqMark), 'kept', 'the page was not reloaded');
  await watcher.close();
  await page.bringToFront();
});

test('retry a failed job', async () => {
  const id = env('JOB_FAILED');
  await go(page, `/jobs/${id}`);
  assert.equal(await page.$eval('#state', (e) => e.textContent), 'failed');
  await Promise.all([page.waitForNavigation(), page.click('#retry')]);
  assert.equal(new URL(page.url()).pathname, `/jobs/${id}`);
  const history = await page.$eval('ol.timeline', (e) => e.textContent);
  assert.match(history, /retried by the web console/);
});

test('hostile values are text in the DOM', async () => {
  const id = env('JOB_HOSTILE');
  await page.evaluate(() => { window.jobqXss = 0; });
  await go(page, `/jobs/${id}`);
  const dom = await page.evaluate(() => ({
    scripts: document.querySelectorAll('script').length,
    images: document.querySelectorAll('main img').length,
    bold: document.querySelectorAll('main b').length,
    payload: document.querySelector('#payload').textContent,
    error: document.querySelector('#error').textContent,
    worker: document.querySelector('#f-worker_id').textContent,
    meta: document.querySelector('#f-metadata').textContent,
    xss: window.jobqXss,
  }));
  assert.equal(dom.scripts, 0, 'no script element (a finished job needs none)');
  assert.equal(dom.images, 0);
  assert.equal(dom.bold, 0);
  assert.ok(dom.payload.includes('<script>window.jobqXss=1</script>'), dom.payload);
  assert.ok(dom.payload.includes('\\"q\\"'), 'quotes (JSON-escaped in the payload)');
  assert.ok(dom.error.includes('<script>window.jobqXss=2</script>'), dom.error);
  assert.ok(dom.error.includes('\\u001b'), 'a control character shown as \\u001b');
  assert.equal(dom.worker, '<img src=x onerror="window.jobqXss=3">');
  assert.ok(dom.meta.includes('<b>bold</b>'));
  assert.ok(dom.xss === 0 || dom.xss === undefined, 'no hostile script ran');
});

test('screenshots of the other pages', async () => {
  for (const [url, name] of [['/workers', 'workers'], ['/dead', 'dead'], ['/schedules', 'schedules'],
    [`/bulk?action=cancel&type=${env('TYPE')}`, 'bulk']]) {
    await go(page, url);
    await shot(page, name);
  }
});
