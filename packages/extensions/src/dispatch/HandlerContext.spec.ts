import { HandlerContext } from './HandlerContext.js';
import { ABORT, REWIND, STOP_MARK, STOP_VALUE, TAKE_STOP } from './contextInternals.js';

describe('HandlerContext', () => {
  describe('when the signal is read', () => {
    it('should be a live, not aborted signal, created once', () => {
      const ctx = new HandlerContext('e', 'p', 'filter');
      expect(ctx.signal.aborted).toBe(false);
      expect(ctx.signal).toBe(ctx.signal);
    });
  });

  describe('when aborted', () => {
    it('should abort the signal with the reason, whether read before or after', () => {
      const before = new HandlerContext('e', undefined, 'filter');
      const signal = before.signal;
      before[ABORT]('why');
      expect(signal.aborted).toBe(true);
      expect(signal.reason).toBe('why');
      const after = new HandlerContext('e', undefined, 'filter');
      after[ABORT]('later');
      expect(after.signal.aborted).toBe(true);
      expect(after.signal.reason).toBe('later');
    });
  });

  describe('when stop is called', () => {
    it('should bump the stop mark and keep the value', () => {
      const ctx = new HandlerContext('e', undefined, 'filter');
      ctx.stop();
      ctx.stop(3);
      expect(ctx[STOP_MARK]).toBe(2);
      expect(ctx[STOP_VALUE]).toBe(3);
    });
  });

  describe('when a run that saw the mark move takes its stop', () => {
    it('should return the latest value and rewind to the state at its mark, earlier stop values included', () => {
      const ctx = new HandlerContext('e', undefined, 'filter');
      ctx.stop('outer');
      const mark = ctx[STOP_MARK];
      ctx.stop('inner');
      ctx.stop();
      expect(ctx[TAKE_STOP](mark, 'fallback')).toBe('fallback');
      expect(ctx[STOP_MARK]).toBe(mark);
      expect(ctx[STOP_VALUE]).toBe('outer');
      ctx[REWIND](0);
      expect(ctx[STOP_MARK]).toBe(0);
      expect(ctx[STOP_VALUE]).toBeUndefined();
    });
  });
});
