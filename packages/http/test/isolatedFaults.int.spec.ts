import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as core from '@trellis/core';
import { IsolationError, PluginManager, definePlugin } from '@trellis/core';
import { recordingLogger } from '@trellis/testing';
import { HttpPlugin, type HttpRouter } from '../src/index.js';

/*
 * While an isolated plugin faults, the host keeps serving HTTP (through @trellis/http) and dispatch.
 * The plugin's module is written into a folder inside packages/http, so that its worker or child
 * process resolves `@trellis/core` (the built dist); in the host (Jest), which imports the module once
 * to read its metadata, it takes core from a global set here.
 */
(globalThis as Record<string, unknown>).__trellisHttpFixtures = core;

const here = fileURLToPath(new URL('.', import.meta.url));

// Each fault starts 300 ms after its hook is called, so requests are answered before, during and after.
const faultyModule = (mode: string): string => `
const { definePlugin } = globalThis.__trellisHttpFixtures ?? (await import('@trellis/core'));
export default definePlugin({
  name: 'faulty',
  version: '1.0.0',
  isolation: '${mode}',
  limits: { memoryMb: 48 },
  hooks: [
    { on: 'crash', handler() { setTimeout(() => { throw new Error('boom'); }, 300); return new Promise(() => {}); } },
    { on: 'exit', handler() { setTimeout(() => process.exit(3), 300); return new Promise(() => {}); } },
    { on: 'oom', async handler() {
      await new Promise((resolve) => setTimeout(resolve, 300));
      const keep = [];
      for (;;) keep.push(new Array(100000).fill(Math.random()));
    } },
    { on: 'hang', timeout: 1000, handler() { for (;;) {} } },
    { on: 'never', timeout: 1000, handler() { return new Promise(() => {}); } },
  ],
});
`;

/** An in-process plugin with one route and one hook: what must keep answering. */
const Healthy = definePlugin({
  name: 'healthy',
  hooks: [{ on: 'ping', handler: (value: number) => value + 1 }],
});
Object.assign(Healthy.prototype as object, {
  routes(router: HttpRouter) {
    router.get('/ping', () => ({ pong: true }));
  },
});

describe.each(['worker', 'process'] as const)('HttpPlugin while a %s plugin faults', (mode) => {
  let dir = '';
  let manager: PluginManager;
  let base = '';

  beforeEach(async () => {
    mkdirSync(join(here, '.tmp'), { recursive: true });
    dir = mkdtempSync(join(here, '.tmp', 'iso-'));
    writeFileSync(join(dir, 'faulty.plugin.mjs'), faultyModule(mode));
    manager = new PluginManager({
      logger: recordingLogger().logger,
      errorStrategy: 'log-and-continue',
      config: { 'trellis.http': { port: 0, host: '127.0.0.1' } },
    });
    manager.register([HttpPlugin, Healthy]);
    await manager.discoverPlugins(dir);
    expect((await manager.start()).failed).toEqual([]);
    base = manager.getPlugin(HttpPlugin)?.url ?? '';
  });

  afterEach(async () => {
    await manager.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each([
    ['crash', 'crash'],
    ['exit', 'exit'],
    ['oom', 'out-of-memory'],
    ['hang', 'timeout'],
    ['never', 'timeout'],
  ] as const)(
    "should answer HTTP and dispatch throughout '%s', then show the plugin failed with '%s'",
    async (fault, reason) => {
      const faulting = manager.triggerAsync(fault, null);
      let answered = 0;
      // keep asking until the fault is over and reported
      while (manager.getState('faulty') !== 'failed') {
        const response = await fetch(`${base}/plugins/healthy/ping`);
        expect(response.status).toBe(200);
        expect(await response.json()).toEqual({ pong: true });
        expect(await manager.triggerAsync('ping', 1)).toBe(2);
        answered += 1;
      }
      await faulting;
      expect(answered).toBeGreaterThan(0);
      const row = manager.status().find((entry) => entry.name === 'faulty');
      expect(row?.lastError).toMatchObject({ code: IsolationError.CODE, reason });
      const after = await fetch(`${base}/plugins/healthy/ping`);
      expect(after.status).toBe(200);
    },
    20_000,
  );
});
