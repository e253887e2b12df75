import { readFileSync } from 'node:fs';
import { TRELLIS_VERSION } from './version.js';

describe('TRELLIS_VERSION', () => {
  describe('when compared with the package', () => {
    it("should equal @trellis/core's version", () => {
      const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
        version: string;
      };
      expect(TRELLIS_VERSION).toBe(manifest.version);
    });
  });
});
