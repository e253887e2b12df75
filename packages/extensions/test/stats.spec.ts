import { describe, expect, it } from '@jest/globals';
import { defineFilter, ExtensionRegistry } from '@trellis/extensions';
import { recordingLogger } from './support/recordingLogger.js';

const point = defineFilter<number>('stats.filter');

describe('registry.stats()', () => {
  describe.each([
    { name: 'the option', make: () => new ExtensionRegistry({ stats: true, logger: recordingLogger() }) },
    {
      name: 'enableStats()',
      make: () => {
        const registry = new ExtensionRegistry({ logger: recordingLogger() });
        registry.enableStats();
        return registry;
      },
    },
  ])('when stats are on through $name', ({ make }) => {
    it('should count calls, errors, total and mean duration per handler without trace logs', async () => {
      const registry = make();
      registry.on(point, (value) => value + 1, { plugin: 'p', name: 'inc' });
      registry.on(
        point,
        () => {
          throw new Error('x');
        },
        { plugin: 'q', name: 'broken' },
      );
      registry.on('stats.*', async () => Promise.resolve(undefined), { plugin: 'p', name: 'wild' });

      registry.filter(point, 1);
      await registry.filterAsync(point, 1);

      expect(registry.statsEnabled).toBe(true);
      expect(registry.tracing).toBe(false);
      const stats = registry.stats();
      expect(stats).toEqual([
        expect.objectContaining({ event: 'stats.filter', plugin: 'p', handler: 'inc', calls: 2, errors: 0 }),
        expect.objectContaining({
          event: 'stats.filter',
          plugin: 'q',
          handler: 'broken',
          calls: 2,
          errors: 2,
        }),
        expect.objectContaining({ event: 'stats.*', plugin: 'p', handler: 'wild', calls: 1, errors: 0 }),
      ]);
      for (const entry of stats) {
        expect(entry.meanMs).toBeCloseTo(entry.calls === 0 ? 0 : entry.totalMs / entry.calls, 10);
        expect(entry.maxMs).toBeLessThanOrEqual(entry.totalMs);
      }
    });

    it('should keep the counts but stop counting when disabled', () => {
      const registry = make();
      registry.on(point, (value) => value + 1);
      registry.filter(point, 1);
      registry.disableStats();
      registry.filter(point, 1);

      expect(registry.statsEnabled).toBe(false);
      expect(registry.stats()[0]?.calls).toBe(1);
    });
  });

  describe('when stats are off', () => {
    it('should count nothing', () => {
      const registry = new ExtensionRegistry();
      registry.on(point, (value) => value + 1);
      registry.filter(point, 1);
      expect(registry.stats()[0]).toEqual(expect.objectContaining({ calls: 0, meanMs: 0 }));
    });
  });
});
