import {
  defineFilter,
  ExtensionRegistry,
  HookRecursionError,
  type HookContext,
  TrellisError,
} from '@trellis/extensions';

const modes = [
  { name: 'plain loop', compileAfter: Infinity },
  { name: 'generated runner', compileAfter: 0 },
];

describe.each(modes)('dispatch snapshots and re-entrancy ($name)', ({ compileAfter }) => {
  describe('when a handler registers another handler during a dispatch', () => {
    it('should not run the new handler in that dispatch, only in later ones', () => {
      const registry = new ExtensionRegistry({ compileAfter });
      const ran: string[] = [];
      registry.on('snap.event', () => {
        ran.push('first');
        if (ran.length === 1) registry.on('snap.event', () => void ran.push('added'), { priority: 'lowest' });
      });
      registry.notify('snap.event');
      expect(ran).toEqual(['first']);
      registry.notify('snap.event');
      expect(ran).toEqual(['first', 'first', 'added']);
    });
  });

  describe('when a handler unregisters a later handler during a dispatch', () => {
    it('should still run it in that dispatch, and not in later ones', async () => {
      const registry = new ExtensionRegistry({ compileAfter });
      const ran: string[] = [];
      let offLater: () => void = () => undefined;
      registry.on('snap.event', () => {
        ran.push('first');
        offLater();
      });
      offLater = registry.on('snap.event', () => void ran.push('later'), { priority: 'low' });
      registry.notify('snap.event');
      registry.notify('snap.event');
      expect(ran).toEqual(['first', 'later', 'first']);
      await registry.notifyAsync('snap.event');
      expect(ran).toEqual(['first', 'later', 'first', 'first']);
    });

    it('should keep an async dispatch in progress unaffected', async () => {
      const registry = new ExtensionRegistry({ compileAfter });
      const ran: string[] = [];
      let offLater: () => void = () => undefined;
      registry.on('snap.async', async () => {
        await Promise.resolve();
        offLater();
        ran.push('first');
      });
      offLater = registry.on('snap.async', () => void ran.push('later'), { priority: 'low' });
      await registry.notifyAsync('snap.async');
      expect(ran).toEqual(['first', 'later']);
    });
  });

  describe('when a handler re-enters its own event', () => {
    it('should run the nested dispatch completely and resume the outer one intact', () => {
      const registry = new ExtensionRegistry({ compileAfter });
      const point = defineFilter<{ depth: number; trail: string }>('nested.filter');
      registry.on(point, (value) => {
        const trail = `${value.trail}a${value.depth}`;
        if (value.depth < 3) {
          const inner = registry.filter(point, { depth: value.depth + 1, trail: '' });
          return { depth: value.depth, trail: `${trail}[${inner.trail}]` };
        }
        return { depth: value.depth, trail };
      });
      registry.on(point, (value) => ({ ...value, trail: `${value.trail}b${value.depth}` }), {
        priority: 'low',
      });
      expect(registry.filter(point, { depth: 1, trail: '' }).trail).toBe('a1[a2[a3b3]b2]b1');
    });

    it('should not let a stop requested by the outer run leak into the nested dispatch', () => {
      const registry = new ExtensionRegistry({ compileAfter });
      const point = defineFilter<number>('nested.stop');
      registry.on(point, (value: number, ctx: HookContext) => {
        if (value === 0) {
          ctx.stop();
          return registry.filter(point, 1) + 1000;
        }
        return value + 1;
      });
      registry.on(point, (value) => value * 10, { priority: 'low' });
      // inner: (1 + 1) * 10 = 20; outer stops after returning 1020.
      expect(registry.filter(point, 0)).toBe(1020);
    });
  });

  describe('when a handler recurses without end', () => {
    it('should end with a HookRecursionError instead of a stack overflow, whatever the strategy', () => {
      for (const errorStrategy of ['log-and-continue', 'fail-fast', 'collect-all'] as const) {
        const registry = new ExtensionRegistry({ compileAfter, errorStrategy, maxDepth: 50 });
        let calls = 0;
        registry.on('loop.event', () => {
          calls++;
          registry.notify('loop.event');
        });
        let thrown: unknown;
        try {
          registry.notify('loop.event');
        } catch (error) {
          thrown = error;
        }
        expect(thrown).toBeInstanceOf(HookRecursionError);
        expect(TrellisError.is(thrown, 'TRELLIS_HOOK_RECURSION')).toBe(true);
        expect((thrown as Error).message).toMatch(/'loop\.event'.*more than 50 levels/);
        expect(calls).toBe(50);
      }
    });

    it('should use a default limit of 100 nested dispatches', () => {
      const registry = new ExtensionRegistry({ compileAfter });
      let depth = 0;
      registry.on('deep.event', () => {
        depth++;
        if (depth < 100) registry.notify('deep.event');
      });
      registry.notify('deep.event');
      expect(depth).toBe(100);
      expect(registry.maxDepth).toBe(100);
    });

    it('should keep the full limit after dispatches that failed, stopped or threw', async () => {
      for (const errorStrategy of ['log-and-continue', 'fail-fast', 'collect-all'] as const) {
        const registry = new ExtensionRegistry({ compileAfter, errorStrategy, maxDepth: 3 });
        registry.on('bad.event', () => {
          throw new Error('boom');
        });
        registry.on('stop.event', (_value: unknown, ctx: HookContext) => {
          ctx.stop();
        });
        for (let round = 0; round < 5; round++) {
          try {
            registry.filter('bad.event', 1);
          } catch {
            // fail-fast and collect-all throw; the depth must be restored all the same
          }
          await registry.filterAsync('bad.event', 1).catch(() => undefined);
          registry.filter('stop.event', 1);
          await registry.filterAsync('stop.event', 1);
        }
        let depth = 0;
        registry.on('deep.event', () => {
          depth++;
          registry.notify('deep.event');
        });
        expect(() => {
          registry.notify('deep.event');
        }).toThrow(HookRecursionError);
        expect(depth).toBe(3);
      }
    });

    it('should reject an invalid maxDepth', () => {
      expect(() => new ExtensionRegistry({ maxDepth: 0 })).toThrow(/Invalid maxDepth/);
    });
  });
});
