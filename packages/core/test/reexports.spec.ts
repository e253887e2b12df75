import * as extensions from '@trellis/extensions';
import * as core from '../src/index.js';

describe('@trellis/core exports', () => {
  describe('when a user imports from core alone', () => {
    it('should re-export every runtime export of @trellis/extensions', () => {
      const missing = Object.keys(extensions).filter((name) => !(name in core));
      expect(missing).toEqual([]);
    });

    it('should re-export the same objects, not copies', () => {
      const coreExports: Record<string, unknown> = core;
      for (const [name, value] of Object.entries(extensions)) expect(coreExports[name]).toBe(value);
    });
  });
});
