// scripts/screenshots.js — screenshots of the RabbitMQ management UI for docs/monitoring.md.
// Usage (with the local stack up and jobs in flight):
//   npm install playwright-core   (in a scratch folder; uses Debian's /usr/bin/chromium)
//   NODE_PATH=<scratch>/node_modules node scripts/screenshots.js http://127.0.0.1:15672/ docs/img
const { chromium } = require('playwright-core');
const [base, out] = [process.argv[2] || 'http://127.0.0.1:15672/', process.argv[3] || 'docs/img'];
(async () => {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
           '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(base);
  await page.fill('input[name=username]', process.env.MGMT_USER || 'jobq');
  await page.fill('input[name=password]', process.env.MGMT_PASS || 'jobq');
  await page.click('input[type=submit]');
  await page.waitForSelector('#logout');
  const shots = [['#/queues', 'ui-queues.png'], ['#/queues/%2F/jobq.default', 'ui-queue-default.png'],
                 ['#/connections', 'ui-connections.png'], ['#/consumers', 'ui-consumers.png']];
  for (const [hash, file] of shots) {
    await page.goto(base + hash);
    await page.waitForTimeout(2500);
    await page.screenshot({ path: `${out}/${file}` });
  }
  await browser.close();
})().catch((e) => { console.error(e.message); process.exit(1); });
