import { jest } from '@jest/globals';
import {
  defineFilter,
  ExtensionRegistry,
  HookAggregateError,
  HookError,
  PLUGIN_ERROR_EVENT,
  type PluginErrorPayload,
  TrellisError,
  ValidationError,
} from '@trellis/extensions';
import { recordingLogger } from './support/recordingLogger.js';

const point = defineFilter<number>('math.filter');

const modes = [
  { name: 'plain loop', compileAfter: Infinity },
  { name: 'generated runner', compileAfter: 0 },
];

describe.each(modes)('error strategies ($name)', ({ compileAfter }) => {
  const failing = (): never => {
    throw new Error('kaput');
  };

  describe('when the strategy is log-and-continue', () => {
    it('should log, call the owner, notify trellis.plugin.error and go on with the value unchanged', () => {
      const logger = recordingLogger();
      const registry = new ExtensionRegistry({ logger, compileAfter });
      const onError = jest.fn();
      registry.setOwnerErrorHandler('broken', onError);
      const notified: PluginErrorPayload[] = [];
      registry.on(PLUGIN_ERROR_EVENT, (payload: PluginErrorPayload) => void notified.push(payload));
      const seen: number[] = [];
      registry.on(point, (value) => value + 1, { priority: 'high' });
      registry.on(point, failing, { plugin: 'broken' });
      registry.on(
        point,
        (value) => {
          seen.push(value);
          return value * 10;
        },
        { priority: 'low' },
      );

      expect(registry.filter(point, 1)).toBe(20);
      expect(seen).toEqual([2]);
      expect(logger.at('error')).toHaveLength(1);
      expect(logger.at('error')[0]?.obj).toEqual(
        expect.objectContaining({ event: 'math.filter', plugin: 'broken' }),
      );
      expect(onError).toHaveBeenCalledTimes(1);
      const error = onError.mock.calls[0]?.[0] as HookError;
      expect(error).toBeInstanceOf(HookError);
      expect(error.cause).toEqual(new Error('kaput'));
      expect(notified).toEqual([{ pluginName: 'broken', event: 'math.filter', error }]);
    });

    it('should swallow (and log) errors thrown by the owner error handler', () => {
      const logger = recordingLogger();
      const registry = new ExtensionRegistry({ logger, compileAfter });
      registry.setOwnerErrorHandler('broken', () => {
        throw new Error('onError broke too');
      });
      registry.on(point, failing, { plugin: 'broken' });
      expect(registry.filter(point, 3)).toBe(3);
      expect(logger.at('warn')).toHaveLength(1);
    });

    it('should only log a failure of a trellis.plugin.error handler', () => {
      const logger = recordingLogger();
      const registry = new ExtensionRegistry({ logger, compileAfter });
      const listener = jest.fn(() => {
        throw new Error('listener broke');
      });
      registry.on(PLUGIN_ERROR_EVENT, listener);
      registry.on(point, failing, { plugin: 'broken' });
      expect(registry.filter(point, 3)).toBe(3);
      expect(listener).toHaveBeenCalledTimes(1);
      expect(logger.at('error')).toHaveLength(2);
    });

    it('should report a rejected promise of an async handler', async () => {
      const logger = recordingLogger();
      const registry = new ExtensionRegistry({ logger, compileAfter });
      const notified: PluginErrorPayload[] = [];
      registry.on(PLUGIN_ERROR_EVENT, async (payload: PluginErrorPayload) => {
        await Promise.resolve();
        notified.push(payload);
      });
      registry.on(point, async () => Promise.reject(new Error('rejected')), { plugin: 'async-broken' });
      registry.on(point, (value) => value + 1);
      await expect(registry.filterAsync(point, 1)).resolves.toBe(2);
      expect(notified).toHaveLength(1);
      expect(notified[0]?.error.cause).toEqual(new Error('rejected'));
    });
  });

  describe('when the strategy is fail-fast', () => {
    it('should throw a HookError with event, plugin and cause, and not run later handlers', async () => {
      const registry = new ExtensionRegistry({ errorStrategy: 'fail-fast', compileAfter });
      const later = jest.fn();
      const onError = jest.fn();
      registry.setOwnerErrorHandler('broken', onError);
      registry.on(point, failing, { plugin: 'broken' });
      registry.on(point, later, { priority: 'low' });
      let thrown: unknown;
      try {
        registry.filter(point, 1);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(HookError);
      expect(thrown).toEqual(
        expect.objectContaining({ event: 'math.filter', plugin: 'broken', code: 'TRELLIS_HOOK' }),
      );
      expect((thrown as HookError).cause).toEqual(new Error('kaput'));
      expect((thrown as HookError).message).toMatch(/plugin 'broken'.*'math\.filter'.*kaput/);
      expect(later).not.toHaveBeenCalled();
      expect(onError).toHaveBeenCalledWith(thrown);
      await expect(registry.filterAsync(point, 1)).rejects.toBeInstanceOf(HookError);
      expect(later).not.toHaveBeenCalled();
    });

    it('should reject with a HookError when an async handler rejects', async () => {
      const registry = new ExtensionRegistry({ errorStrategy: 'fail-fast', compileAfter });
      registry.on(point, async () => {
        await Promise.resolve();
        throw new Error('late failure');
      });
      await expect(registry.filterAsync(point, 1)).rejects.toEqual(
        expect.objectContaining({ name: 'HookError', cause: new Error('late failure') }),
      );
    });
  });

  describe('when the strategy is collect-all', () => {
    it('should run every handler, then throw a HookAggregateError with the errors and the value', async () => {
      const registry = new ExtensionRegistry({ errorStrategy: 'collect-all', compileAfter });
      registry.on(point, (value) => value + 1, { priority: 100 });
      registry.on(point, failing, { priority: 90, plugin: 'a' });
      registry.on(point, (value) => value * 3, { priority: 80 });
      registry.on(point, failing, { priority: 70, plugin: 'b' });
      registry.on(point, (value) => value + 100, { priority: 60 });
      const check = (error: unknown): void => {
        expect(error).toBeInstanceOf(HookAggregateError);
        const aggregate = error as HookAggregateError;
        expect(aggregate.value).toBe(106);
        expect(aggregate.errors.map((e) => e.plugin)).toEqual(['a', 'b']);
        expect(aggregate.errors.every((e) => e instanceof HookError)).toBe(true);
        expect(aggregate.code).toBe('TRELLIS_HOOK_AGGREGATE');
      };
      expect(() => registry.filter(point, 1)).toThrow(HookAggregateError);
      try {
        registry.filter(point, 1);
      } catch (error) {
        check(error);
      }
      await registry.filterAsync(point, 1).then(() => {
        throw new Error('should have rejected');
      }, check);
    });

    it('should return normally when nothing failed', () => {
      const registry = new ExtensionRegistry({ errorStrategy: 'collect-all', compileAfter });
      registry.on(point, (value) => value + 1);
      expect(registry.filter(point, 1)).toBe(2);
    });
  });

  describe('when a strategy is given per call', () => {
    it('should override the registry default for that call only', () => {
      const registry = new ExtensionRegistry({ compileAfter });
      registry.on(point, failing);
      expect(registry.filter(point, 1)).toBe(1);
      expect(() => registry.filter(point, 1, { errorStrategy: 'fail-fast' })).toThrow(HookError);
      expect(() => registry.filter(point, 1, { errorStrategy: 'collect-all' })).toThrow(HookAggregateError);
      expect(registry.filter(point, 1)).toBe(1);
    });
  });
});

describe('error strategy validation', () => {
  describe('when an unknown strategy is given', () => {
    it('should throw a ValidationError naming the valid strategies', async () => {
      const registry = new ExtensionRegistry();
      const expected = expect.objectContaining({
        name: 'ValidationError',
        message: expect.stringMatching(/'log-and-continue', 'fail-fast', 'collect-all'/),
      });
      expect(() => new ExtensionRegistry({ errorStrategy: 'ignore' as never })).toThrow(expected);
      expect(() => {
        registry.setErrorStrategy('retry' as never);
      }).toThrow(expected);
      expect(() => registry.filter('a.b', 1, { errorStrategy: 'nope' as never })).toThrow(ValidationError);
      await expect(registry.filterAsync('a.b', 1, { errorStrategy: 'nope' as never })).rejects.toBeInstanceOf(
        ValidationError,
      );
      expect(registry.errorStrategy).toBe('log-and-continue');
    });
  });

  describe('when a valid strategy is set', () => {
    it('should become the default', () => {
      const registry = new ExtensionRegistry();
      registry.setErrorStrategy('fail-fast');
      expect(registry.errorStrategy).toBe('fail-fast');
      registry.on('a.b', () => {
        throw new Error('x');
      });
      expect(() => registry.filter('a.b', 1)).toThrow(HookError);
      expect(
        TrellisError.is(new HookError({ event: 'a', plugin: undefined, cause: 1 }), 'TRELLIS_HOOK'),
      ).toBe(true);
    });
  });
});
