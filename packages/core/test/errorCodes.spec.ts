import {
  ConfigValidationError,
  DependencyError,
  ERROR_CODES,
  LifecycleTimeoutError,
  PluginDiscoveryError,
  PluginLoadError,
  PluginNotFoundError,
  PluginRegistrationError,
  StartupError,
  TrellisError,
  TransportError,
  type CoreErrorCode,
} from '../src/index.js';

// docs/errors.md is checked against every package's codes in docs/test/errorCodes.spec.ts.
describe('error codes', () => {
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
      new TransportError({ transport: 'memory', operation: 'publish', reason: 'closed' }),
    ];

    it('should carry a listed code and their class name as name', () => {
      for (const error of errors) {
        expect(ERROR_CODES).toContain(error.code);
        expect(error.name).toBe(error.constructor.name);
        expect(TrellisError.is(error, error.code as CoreErrorCode)).toBe(true);
      }
    });
  });
});
