import { HandlerContext } from './HandlerContext.js';

describe('HandlerContext', () => {
  describe('when the signal is read', () => {
    it('should be a live, not aborted signal, created once', () => {
      const ctx = new HandlerContext('e', 'p');
      expect(ctx.signal.aborted).toBe(false);
      expect(ctx.signal).toBe(ctx.signal);
    });
  });

  describe('when aborted', () => {
    it('should abort the signal with the reason, whether read before or after', () => {
      const before = new HandlerContext('e', undefined);
      const signal = before.signal;
      before.abort('why');
      expect(signal.aborted).toBe(true);
      expect(signal.reason).toBe('why');
      const after = new HandlerContext('e', undefined);
      after.abort('later');
      expect(after.signal.aborted).toBe(true);
      expect(after.signal.reason).toBe('later');
    });
  });

  describe('when stop is called', () => {
    it('should bump the stop mark and keep the value', () => {
      const ctx = new HandlerContext('e', undefined);
      ctx.stop();
      ctx.stop(3);
      expect(ctx.stopMark).toBe(2);
      expect(ctx.stopValue).toBe(3);
    });
  });

  describe('when a run that saw the mark move takes its stop', () => {
    it('should return the latest value and rewind to the state at its mark, earlier stop values included', () => {
      const ctx = new HandlerContext('e', undefined);
      ctx.stop('outer');
      const mark = ctx.stopMark;
      ctx.stop('inner');
      ctx.stop();
      expect(ctx.takeStop(mark, 'fallback')).toBe('fallback');
      expect(ctx.stopMark).toBe(mark);
      expect(ctx.stopValue).toBe('outer');
      ctx.rewind(0);
      expect(ctx.stopMark).toBe(0);
      expect(ctx.stopValue).toBeUndefined();
    });
  });
});
