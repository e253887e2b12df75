import * as loader from '@trellis/loader';
import * as core from '../../src/index.js';

describe('@trellis/core exports of the loader', () => {
  describe('when a host imports loading functions from core', () => {
    it('should re-export every runtime export of @trellis/loader, as the same objects', () => {
      const coreExports: Record<string, unknown> = core;
      const missing = Object.keys(loader).filter(
        (name) => coreExports[name] !== (loader as Record<string, unknown>)[name],
      );
      expect(missing).toEqual([]);
      expect(typeof core.createHost).toBe('function');
    });
  });
});
