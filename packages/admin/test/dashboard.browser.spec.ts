/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { hook, plugin, PluginManager } from '@trellis/core';
import type { HookContext } from '@trellis/core';
import { EventStream } from '../src/routes/EventStream.js';
import { StatusCache } from '../src/model/StatusCache.js';
import { mountAdmin } from '../src/routes/mountAdmin.js';
import { staticDir } from '../src/staticDir.js';
import { toEventData } from '../src/toEventData.js';

const TOKEN = 'dashboard-test-token';
const failure = { start: false };

@plugin({ name: 'clock', version: '1.0.0', description: 'Tells the time' })
class ClockPlugin {}

@plugin({
  name: 'greeter',
  version: '2.1.0',
  description: '<script>window.hacked=1</script>',
  dependencies: ['clock'],
})
class GreeterPlugin {
  @hook('user.login')
  greet(login: { username: string }): { username: string; greeting: string } {
    return { ...login, greeting: `Hi ${login.username}` };
  }
}

@plugin({ name: 'payments', version: '0.3.0', description: 'Fails when told to' })
class PaymentsPlugin {
  start(): void {
    if (failure.start) throw new Error('payment gateway unreachable');
  }
}

describe('the dashboard in headless Chromium', () => {
  let manager: PluginManager;
  let app: FastifyInstance;
  let events: EventStream;
  let browser: Browser;
  let page: Page;
  let base: string;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    manager = new PluginManager({ logger: false });
    manager.register([ClockPlugin, GreeterPlugin, PaymentsPlugin]);
    manager.extensions.enableStats();
    events = new EventStream();
    for (const pattern of ['trellis.plugin.*', 'trellis.app.*']) {
      manager.extensions.on(pattern, (payload: unknown, ctx: HookContext) => {
        events.broadcast({ type: ctx.event, data: toEventData(payload) });
        return undefined;
      });
    }
    await manager.start();
    app = Fastify();
    await mountAdmin(
      app,
      {
        manager,
        health: () => undefined,
        metrics: () => undefined,
        stopping: () => false,
        statusCache: new StatusCache(manager, { maxAgeMs: 0 }),
        protectedPlugins: () => ['clock'],
      },
      {
        prefix: '/admin',
        token: TOKEN,
        publicRead: false,
        bodyLimit: 16_384,
        staticDir: staticDir(),
        probes: true,
        events,
      },
    );
    base = await app.listen({ host: '127.0.0.1', port: 0 });
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    page = await browser.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));
    await page.goto(`${base}/admin/#token=${TOKEN}`);
    await page.waitForSelector('body[data-loaded="true"]');
  }, 30_000);

  afterAll(async () => {
    await browser.close();
    events.closeAll();
    await app.close();
    await manager.close();
  });

  it('should load without console errors and drop the token from the address', async () => {
    await page.waitForSelector('#connection.live');
    expect(consoleErrors).toEqual([]);
    expect(page.url()).not.toContain(TOKEN);
    expect(await page.evaluate(() => sessionStorage.getItem('trellis.admin.token'))).toBe(TOKEN);
  });

  it('should show every plugin with its state', async () => {
    const rows = await page.$$eval('#plugins tbody tr', (trs) =>
      trs.map((tr) => [tr.getAttribute('data-plugin'), tr.querySelector('.state')?.textContent]),
    );
    expect(rows).toEqual([
      ['clock', 'started'],
      ['greeter', 'started'],
      ['payments', 'started'],
    ]);
  });

  it('should show isolation and permissions of each plugin', async () => {
    expect(await page.textContent('tr[data-plugin="clock"] .isolation')).toBe('nonetrusted');
  });

  it('should show plugin-supplied markup as text', async () => {
    const text = await page.textContent('tr[data-plugin="greeter"] td:first-child');
    expect(text).toContain('<script>window.hacked=1</script>');
    expect(await page.evaluate(() => (window as unknown as { hacked?: number }).hacked)).toBeUndefined();
  });

  it('should draw the dependency graph as SVG', async () => {
    expect(
      await page.$$eval('#graph svg g.node', (nodes) => nodes.map((node) => node.getAttribute('data-node'))),
    ).toEqual(expect.arrayContaining(['clock', 'greeter', 'payments']));
    expect(await page.$$eval('#graph svg path.edge', (paths) => paths.length)).toBe(1);
  });

  it('should disable a plugin with a click, as the API then reports', async () => {
    await page.click('tr[data-plugin="greeter"] button[data-action="disable"]');
    await page.waitForSelector('#action-result.ok');
    expect(manager.status().find((row) => row.name === 'greeter')?.enabled).toBe(false);
    const answer = await fetch(`${base}/admin/api/plugins/greeter`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(await answer.json()).toMatchObject({ enabled: false });
    await page.waitForSelector('tr[data-plugin="greeter"] button[data-action="enable"]');
  });

  it('should show the error code and message when an action is refused', async () => {
    await page.click('tr[data-plugin="clock"] button[data-action="reload"]');
    await page.waitForSelector('#action-result.fail');
    expect(await page.textContent('#action-result')).toContain('TRELLIS_ADMIN_RELOAD_REFUSED');
  });

  it('should show a plugin failing live, without a reload of the page', async () => {
    failure.start = true;
    await manager.reload('payments').catch(() => undefined);
    await page.waitForSelector('tr[data-plugin="payments"].failed', { timeout: 10_000 });
    expect(await page.textContent('tr[data-plugin="payments"] .last-error')).toContain(
      'payment gateway unreachable',
    );
    expect(await page.textContent('#events')).toContain('trellis.plugin.error');
    if (process.env.TRELLIS_SCREENSHOT)
      await page.screenshot({ path: process.env.TRELLIS_SCREENSHOT, fullPage: true });
  });
});
