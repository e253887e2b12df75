import { readFileSync } from 'node:fs';
import {
  ConfigValidationError,
  DependencyError,
  ERROR_CODES,
  EXTENSION_ERROR_CODES,
  LifecycleTimeoutError,
  PluginDiscoveryError,
  PluginLoadError,
  PluginNotFoundError,
  PluginRegistrationError,
  StartupError,
  TrellisError,
} from '../src/index.js';

const documented = [
  ...readFileSync(new URL('../../../docs/errors.md', import.meta.url), 'utf8').matchAll(
    /^### (TRELLIS_[A-Z_]+)\s*$/gm,
  ),
].map((match) => match[1] as string);

describe('error codes', () => {
  describe('when docs/errors.md is compared with the code', () => {
    it('should document every code of both packages', () => {
      const missing = [...ERROR_CODES, ...EXTENSION_ERROR_CODES].filter((code) => !documented.includes(code));
      expect(missing).toEqual([]);
    });

    it('should document no code that does not exist', () => {
      const known = new Set([...ERROR_CODES, ...EXTENSION_ERROR_CODES]);
      expect(documented.filter((code) => !known.has(code))).toEqual([]);
    });

    it('should document each code once', () => {
      expect(new Set(documented).size).toBe(documented.length);
    });
  });

  describe('when core errors are created', () => {
    const errors: TrellisError[] = [
      new PluginRegistrationError('x'),
      new PluginNotFoundError('x'),
      new PluginLoadError({ plugin: 'x', phase: 'start', cause: new Error('e') }),
      new PluginDiscoveryError('x', { path: '/x' }),
      new DependencyError('x', { code: 'TRELLIS_DEPENDENCY_CYCLE', plugin: 'x' }),
      new ConfigValidationError('x', [{ key: 'k', message: 'm' }]),
      new LifecycleTimeoutError({ plugin: 'x', phase: 'start', timeout: 1 }),
      new StartupError([]),
    ];

    it('should carry a listed code and their class name as name', () => {
      for (const error of errors) {
        expect(ERROR_CODES).toContain(error.code);
        expect(error.name).toBe(error.constructor.name);
        expect(TrellisError.is(error, error.code)).toBe(true);
      }
    });
  });
});
