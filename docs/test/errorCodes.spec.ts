/**
 * Keeps docs/errors.md and the code in step: every code a package exports in its
 * `<PACKAGE>_ERROR_CODES` array has one `### CODE` heading, and every heading is a real code.
 * A package that raises codes adds its array to `CODES_BY_PACKAGE` (one import line, one entry).
 */
import { readFileSync } from 'node:fs';
import { ERROR_CODES } from '@trellis/core';
import { EXTENSION_ERROR_CODES } from '@trellis/extensions';
import { ADMIN_ERROR_CODES } from '@trellis/admin';
import { HEALTH_ERROR_CODES } from '@trellis/health';
import { METRICS_ERROR_CODES } from '@trellis/metrics';
import { HTTP_ERROR_CODES } from '@trellis/http';
import { LOADER_ERROR_CODES } from '@trellis/loader';
import { EVENTS_ERROR_CODES } from '@trellis/events';
import { SERVICES_ERROR_CODES } from '@trellis/services';
import { STORAGE_ERROR_CODES } from '@trellis/storage';
import { REDIS_ERROR_CODES } from '@trellis/redis';
import { TESTING_ERROR_CODES } from '@trellis/testing';
import { CLI_ERROR_CODES } from '@trellis/cli';

const CODES_BY_PACKAGE: Readonly<Record<string, readonly string[]>> = {
  '@trellis/core': ERROR_CODES,
  '@trellis/extensions': EXTENSION_ERROR_CODES,
  '@trellis/admin': ADMIN_ERROR_CODES,
  '@trellis/health': HEALTH_ERROR_CODES,
  '@trellis/metrics': METRICS_ERROR_CODES,
  '@trellis/http': HTTP_ERROR_CODES,
  '@trellis/loader': LOADER_ERROR_CODES,
  '@trellis/events': EVENTS_ERROR_CODES,
  '@trellis/services': SERVICES_ERROR_CODES,
  '@trellis/storage': STORAGE_ERROR_CODES,
  '@trellis/redis': REDIS_ERROR_CODES,
  '@trellis/testing': TESTING_ERROR_CODES,
  '@trellis/cli': CLI_ERROR_CODES,
};

const documented = [
  ...readFileSync(new URL('../errors.md', import.meta.url), 'utf8').matchAll(/^### (TRELLIS_[A-Z_]+)\s*$/gm),
].map((match) => match[1] as string);

const allCodes = Object.values(CODES_BY_PACKAGE).flat();

describe('docs/errors.md', () => {
  describe('when compared with the codes each package exports', () => {
    it.each(Object.entries(CODES_BY_PACKAGE))('should document every code of %s', (_name, codes) => {
      expect(codes.filter((code) => !documented.includes(code))).toEqual([]);
    });

    it('should document no code that no package exports', () => {
      const known = new Set(allCodes);
      expect(documented.filter((code) => !known.has(code))).toEqual([]);
    });

    it('should document each code once', () => {
      expect(new Set(documented).size).toBe(documented.length);
    });

    it('should have no code claimed by two packages', () => {
      expect(new Set(allCodes).size).toBe(allCodes.length);
    });
  });
});
