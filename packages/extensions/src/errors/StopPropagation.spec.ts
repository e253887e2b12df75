import { StopPropagation } from './StopPropagation.js';

describe('StopPropagation', () => {
  describe('when thrown without a value', () => {
    it('should have no value', () => {
      const stop = new StopPropagation('done');
      expect(stop.hasValue).toBe(false);
      expect(stop.value).toBeUndefined();
      expect(stop.reason).toBe('done');
      expect(stop.code).toBe('TRELLIS_STOP_PROPAGATION');
    });
  });

  describe('when thrown with a value', () => {
    it('should carry it, even an explicit undefined', () => {
      expect(new StopPropagation('r', 5)).toEqual(expect.objectContaining({ hasValue: true, value: 5 }));
      expect(new StopPropagation(undefined, undefined).hasValue).toBe(true);
      expect(new StopPropagation().message).toMatch(/^Propagation stopped\./);
    });
  });
});
