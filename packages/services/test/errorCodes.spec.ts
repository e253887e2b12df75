import { readFileSync } from 'node:fs';
import { SERVICES_ERROR_CODES } from '../src/index.js';

const documented = [
  ...readFileSync(new URL('../../../docs/errors.md', import.meta.url), 'utf8').matchAll(
    /^### (TRELLIS_[A-Z_]+)\s*$/gm,
  ),
].map((match) => match[1]);

describe('SERVICES_ERROR_CODES', () => {
  describe('when compared with docs/errors.md', () => {
    it.each([...SERVICES_ERROR_CODES])('should document %s', (code) => {
      expect(documented).toContain(code);
    });
  });
});
