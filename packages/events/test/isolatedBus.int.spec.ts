import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as core from '@trellis/core';
import { PluginManager, inject, plugin } from '@trellis/core';
import * as events from '../src/index.js';
import { EVENT_BUS, EventsPlugin, type CloudEvent, type EventBus } from '../src/index.js';

/*
 * The isolated plugin's module is written into a folder inside packages/events, so that the worker
 * resolves `@trellis/core` and `@trellis/events` (their built dist). In the host (Jest), which imports
 * the module once to read its metadata, it takes both from globals set here: the same copies the
 * test uses.
 */
(globalThis as Record<string, unknown>).__trellisEventsFixtures = { core, events };

const here = fileURLToPath(new URL('.', import.meta.url));

const isolatedModule = `
const fixtures = globalThis.__trellisEventsFixtures;
const { definePlugin } = fixtures?.core ?? (await import('@trellis/core'));
const { EVENT_BUS } = fixtures?.events ?? (await import('@trellis/events'));
export default definePlugin({
  name: 'iso-events',
  version: '1.0.0',
  isolation: 'worker',
  dependencies: ['trellis.events', 'watcher'],
  inject: { bus: EVENT_BUS },
  async start() {
    this.received = [];
    this.where = typeof globalThis.__trellisEventsFixtures;
    this.off = await this.bus.subscribe('host.*', (event) => {
      this.received.push({ type: event.type, source: event.source, data: event.data });
    });
    await this.bus.publish('iso.started', { from: 'inside' });
  },
  hooks: [
    { on: 'iso.received', handler() { return { where: this.where, received: this.received }; } },
    { on: 'iso.unsubscribe', async handler() { await this.off(); return 'off'; } },
  ],
});
`;

@plugin({ name: 'watcher', dependencies: ['trellis.events'] })
class Watcher {
  readonly seen: CloudEvent[] = [];
  constructor(@inject(EVENT_BUS) readonly bus: EventBus) {}
  async initialize(): Promise<void> {
    await this.bus.subscribe('iso.*', (event) => {
      this.seen.push(event);
    });
  }
}

const until = async (condition: () => boolean | Promise<boolean>, what: string): Promise<void> => {
  for (let i = 0; i < 500; i++) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
};

interface Inside {
  readonly where: string;
  readonly received: { type: string; source: string; data: unknown }[];
}

describe('EventsPlugin with a worker-isolated plugin', () => {
  let dir = '';
  let manager: PluginManager | undefined;

  beforeEach(() => {
    mkdirSync(join(here, '.tmp'), { recursive: true });
    dir = mkdtempSync(join(here, '.tmp', 'iso-'));
    writeFileSync(join(dir, 'iso-events.plugin.mjs'), isolatedModule);
  });

  afterEach(async () => {
    await manager?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  describe('when the isolated plugin injects the real bus', () => {
    it('should publish as itself to in-process subscribers and receive what the host publishes', async () => {
      manager = new PluginManager({ logger: false });
      manager.register([EventsPlugin, Watcher]);
      await manager.discoverPlugins(dir);
      const report = await manager.start();
      expect(report.failed).toEqual([]);
      expect(manager.status().find((row) => row.name === 'iso-events')).toMatchObject({
        state: 'started',
        isolation: 'worker',
      });

      const watcher = manager.getPlugin(Watcher);
      await until(() => (watcher?.seen.length ?? 0) === 1, 'the event published inside');
      expect(watcher?.seen[0]).toMatchObject({
        type: 'iso.started',
        source: 'iso-events',
        data: { from: 'inside' },
      });

      await watcher?.bus.publish('host.ping', { n: 1 });
      const host = manager;
      const inside = async (): Promise<Inside> => {
        const answer: unknown = await host.triggerAsync('iso.received', null);
        return answer as Inside;
      };
      await until(async () => (await inside()).received.length === 1, 'the host event inside the worker');
      expect(await inside()).toEqual({
        where: 'undefined',
        received: [{ type: 'host.ping', source: 'watcher', data: { n: 1 } }],
      });

      expect(await manager.triggerAsync('iso.unsubscribe', null)).toBe('off');
      await watcher?.bus.publish('host.ping', { n: 2 });
      await watcher?.bus.publish('iso.marker', null);
      await until(() => watcher?.seen.some((event) => event.type === 'iso.marker') === true, 'the marker');
      expect((await inside()).received).toHaveLength(1);
    });
  });
});
