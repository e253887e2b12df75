import { HookAggregateError } from './HookAggregateError.js';
import { HookError } from './HookError.js';
import { HookRecursionError } from './HookRecursionError.js';
import { HookTimeoutError } from './HookTimeoutError.js';

describe('HookError', () => {
  describe('when a handler of a plugin failed', () => {
    it('should name the handler, plugin and event, and say what to do', () => {
      const error = new HookError({
        event: 'user.login',
        plugin: 'welcome',
        handler: 'greet',
        cause: new Error('boom'),
      });
      expect(error.message).toBe(
        "Handler 'greet' of plugin 'welcome' failed on event 'user.login': boom. " +
          "Fix the handler or catch the error inside it; see 'cause' for the original error.",
      );
      expect(error).toEqual(
        expect.objectContaining({
          code: 'TRELLIS_HOOK',
          event: 'user.login',
          plugin: 'welcome',
          handler: 'greet',
        }),
      );
    });

    it('should say so when the handler has no plugin', () => {
      expect(new HookError({ event: 'e', plugin: undefined, cause: 'text' }).message).toMatch(
        /^Handler \(no plugin\) failed on event 'e': text\./,
      );
    });
  });

  describe('when a handler timed out', () => {
    it('should be a HookError with its own code and the limit', () => {
      const error = new HookTimeoutError({ event: 'slow', plugin: 'p', handler: 'h', timeout: 250 });
      expect(error).toBeInstanceOf(HookError);
      expect(error.name).toBe('HookTimeoutError');
      expect(error.code).toBe('TRELLIS_HOOK_TIMEOUT');
      expect(error.timeout).toBe(250);
      expect(error.message).toMatch(
        /Handler 'h' of plugin 'p' did not finish within 250 ms on event 'slow'.*timeout/,
      );
    });
  });

  describe('when several handlers failed', () => {
    it('should aggregate the errors and keep the value', () => {
      const errors = [
        new HookError({ event: 'e', plugin: 'a', cause: 1 }),
        new HookError({ event: 'e', plugin: 'b', cause: 2 }),
      ];
      const aggregate = new HookAggregateError({ event: 'e', errors, value: 42 });
      expect(aggregate.errors).toBe(errors);
      expect(aggregate.value).toBe(42);
      expect(aggregate.cause).toBe(errors[0]);
      expect(aggregate.message).toMatch(/^2 handler\(s\) failed on event 'e' \(a, b\)\./);
    });
  });

  describe('when dispatches nest too deeply', () => {
    it('should name the event and the limit', () => {
      const error = new HookRecursionError({ event: 'loop', maxDepth: 7 });
      expect(error.message).toMatch(/'loop' is nested more than 7 levels deep.*maxDepth/);
      expect(error.code).toBe('TRELLIS_HOOK_RECURSION');
    });
  });
});
