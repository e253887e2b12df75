import { ValidationError } from '@trellis/extensions';
import { validatePluginOptions } from './validatePluginOptions.js';

describe('validatePluginOptions', () => {
  describe('when only a name is given', () => {
    it('should apply the defaults', () => {
      expect(validatePluginOptions({ name: 'a' })).toMatchObject({
        name: 'a',
        version: '0.0.0',
        dependencies: {},
        optionalDependencies: {},
        provides: [],
        permissions: [],
      });
    });
  });

  describe('when dependencies are a list of names', () => {
    it('should accept any version of each', () => {
      expect(validatePluginOptions({ name: 'a', dependencies: ['b', 'c'] }).dependencies).toEqual({
        b: '*',
        c: '*',
      });
    });
  });

  describe('when the name is invalid', () => {
    it.each(['', 'has space', '-dash', 'ünï'])('should throw a ValidationError for %j', (name) => {
      expect(() => validatePluginOptions({ name })).toThrow(ValidationError);
    });
  });

  describe('when several fields are invalid', () => {
    it('should list every problem in one ValidationError', () => {
      let error: unknown;
      try {
        validatePluginOptions({
          name: 'bad',
          version: 'one',
          dependencies: { auth: 'not a range' },
          engines: { trellis: '???' },
          config: { port: { type: 'port' as never } },
          provides: [{ token: Symbol('x') } as never],
        });
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(ValidationError);
      const message = (error as Error).message;
      expect(message).toContain("version 'one'");
      expect(message).toContain('dependencies.auth');
      expect(message).toContain('engines.trellis');
      expect(message).toContain('config.port.type');
      expect(message).toContain('provides[0]');
    });
  });

  describe('when a default does not match its own schema', () => {
    it('should reject the schema', () => {
      expect(() =>
        validatePluginOptions({ name: 'a', config: { size: { type: 'integer', default: 'big' } } }),
      ).toThrow(/config\.size\.default/);
    });
  });

  describe('when strict checking is off', () => {
    it('should check only the name', () => {
      expect(validatePluginOptions({ name: 'a', version: 'whatever' }, { strict: false }).version).toBe(
        'whatever',
      );
    });
  });
});
