import { defineFilter, ExtensionRegistry } from '@trellis/extensions';
import { recordingLogger } from './support/recordingLogger.js';

const point = defineFilter<number>('mixed.filter');

const modes = [
  { name: 'plain loop', compileAfter: Infinity },
  { name: 'generated runner', compileAfter: 0 },
];

describe.each(modes)('sync and async handlers ($name)', ({ compileAfter }) => {
  describe('when a synchronous dispatch meets a handler declared async', () => {
    it('should skip it without calling it and warn once', () => {
      const logger = recordingLogger();
      const registry = new ExtensionRegistry({ logger, compileAfter });
      let called = 0;
      registry.on(point, (value) => value + 1);
      registry.on(
        point,
        async (value) => {
          called++;
          return value * 100;
        },
        { plugin: 'slowpoke' },
      );
      expect(registry.filter(point, 1)).toBe(2);
      expect(registry.filter(point, 1)).toBe(2);
      expect(called).toBe(0);
      expect(logger.at('warn')).toHaveLength(1);
      expect(logger.at('warn')[0]?.obj).toEqual(
        expect.objectContaining({ event: 'mixed.filter', plugin: 'slowpoke' }),
      );
      expect(logger.at('warn')[0]?.msg).toMatch(/filterAsync|…Async/);
    });

    it('should also skip a bound async function registered with { async: true }', () => {
      const registry = new ExtensionRegistry({ compileAfter });
      let called = 0;
      const owner = {
        async handle(): Promise<number> {
          called++;
          return 5;
        },
      };
      registry.on(point, owner.handle.bind(owner), { async: true });
      expect(registry.filter(point, 1)).toBe(1);
      expect(called).toBe(0);
    });

    it('should warn even when it is the only handler', () => {
      const logger = recordingLogger();
      const registry = new ExtensionRegistry({ logger, compileAfter });
      registry.on('only.async', async () => 'x');
      expect(registry.collect('only.async')).toEqual([]);
      expect(logger.at('warn')).toHaveLength(1);
    });
  });

  describe('when a plain function returns a promise to a synchronous dispatch', () => {
    it('should ignore the result, warn once and skip it from then on', async () => {
      const logger = recordingLogger();
      const registry = new ExtensionRegistry({ logger, compileAfter });
      let calls = 0;
      registry.on(point, (value) => {
        calls++;
        return Promise.resolve(value * 100);
      });
      registry.on(point, (value) => value + 1);
      expect(registry.filter(point, 1)).toBe(2);
      expect(registry.filter(point, 1)).toBe(2);
      expect(calls).toBe(1);
      expect(logger.at('warn')).toHaveLength(1);
      await expect(registry.filterAsync(point, 1)).resolves.toBe(101);
    });

    it('should log (not leak) its rejection', async () => {
      const logger = recordingLogger();
      const registry = new ExtensionRegistry({ logger, compileAfter });
      registry.on('leaky.notify', () => Promise.reject(new Error('nobody waits for me')));
      registry.notify('leaky.notify');
      await new Promise((resolve) => setImmediate(resolve));
      expect(logger.at('error')).toEqual([
        expect.objectContaining({ obj: expect.objectContaining({ err: new Error('nobody waits for me') }) }),
      ]);
    });
  });

  describe('when an asynchronous dispatch has only sync handlers', () => {
    it('should run them all synchronously within the call', async () => {
      const registry = new ExtensionRegistry({ compileAfter });
      const ran: number[] = [];
      registry.on(point, (value) => {
        ran.push(1);
        return value + 1;
      });
      registry.on(point, (value) => {
        ran.push(2);
        return value * 2;
      });
      const result = registry.filterAsync(point, 1);
      expect(ran).toEqual([1, 2]);
      await expect(result).resolves.toBe(4);
    });
  });

  describe('when an asynchronous dispatch mixes sync and async handlers', () => {
    it('should run both kinds in order', async () => {
      const registry = new ExtensionRegistry({ compileAfter });
      const ran: string[] = [];
      registry.on(point, (value) => {
        ran.push('sync 1');
        return value + 1;
      });
      registry.on(point, async (value) => {
        ran.push('async 2');
        await Promise.resolve();
        return value * 10;
      });
      registry.on(point, (value) => {
        ran.push('sync 3');
        return value + 3;
      });
      const result = registry.filterAsync(point, 1);
      expect(ran).toEqual(['sync 1', 'async 2']);
      await expect(result).resolves.toBe(23);
      expect(ran).toEqual(['sync 1', 'async 2', 'sync 3']);
    });
  });
});
