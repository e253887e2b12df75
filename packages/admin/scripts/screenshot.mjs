/* global fetch */
// Takes docs/images/dashboard.png: starts the built demo, sends it some traffic, opens the dashboard
// in headless Chromium and saves a full-page screenshot. Run after `pnpm build`:
//   node packages/admin/scripts/screenshot.mjs [out.png]
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const out = process.argv[2] ?? join(root, 'docs', 'images', 'dashboard.png');
const dataDir = mkdtempSync(join(tmpdir(), 'trellis-shot-'));
const token = 'screenshot-token';
const demo = spawn(process.execPath, [join(root, 'apps', 'demo', 'dist', 'main.js')], {
  env: {
    PATH: process.env.PATH,
    PORT: '0',
    DATA_DIR: dataDir,
    TRELLIS_ADMIN_TOKEN: token,
    LOG_LEVEL: 'error',
  },
  stdio: ['ignore', 'pipe', 'inherit'],
});
const base = await new Promise((resolve, reject) => {
  let text = '';
  demo.stdout.setEncoding('utf8').on('data', (chunk) => {
    text += chunk;
    const match = /^App:\s+(\S+)/m.exec(text);
    if (match && text.includes('Metrics:')) resolve(match[1]);
  });
  demo.once('exit', (code) => reject(new Error(`demo exited with ${code}`)));
});
const post = (path, body, headers = {}) =>
  fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
const admin = { authorization: `Bearer ${token}` };

for (const name of ['alice', 'bob', 'carol']) await post('api/login', { username: name });
const { token: session } = await (await post('api/login', { username: 'dave' })).json();
await post(
  'api/users',
  { username: ' Dave ', email: 'Dave@Example.com' },
  { authorization: `Bearer ${session}` },
);
await post('api/users', { username: 'x', email: 'nope' }, { authorization: `Bearer ${session}` });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
const page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
await page.goto(`${base}admin/#token=${token}`);
await page.waitForSelector('#connection.live');
await fetch(`${base}admin/api/plugins/welcome/reload`, { method: 'POST', headers: admin });
await fetch(`${base}admin/api/plugins/stats/disable`, { method: 'POST', headers: admin });
await page.click('tr[data-plugin="stats"] button[data-action="reload"]');
await page.waitForSelector('#action-result.ok');
await page.waitForTimeout(500);
await page.screenshot({ path: out, fullPage: true });
await browser.close();
demo.kill('SIGTERM');
await new Promise((resolve) => demo.once('exit', resolve));
rmSync(dataDir, { recursive: true, force: true });
process.stdout.write(`wrote ${out}\n`);
