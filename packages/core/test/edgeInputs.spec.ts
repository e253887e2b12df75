import { PluginManager, ValidationError, definePlugin, type ConfigSchema } from '../src/index.js';

describe('PluginManager with user keys that live on Object.prototype', () => {
  describe('when config fields are named toString, constructor, valueOf and hasOwnProperty', () => {
    it('should give each its default', async () => {
      const manager = new PluginManager({ logger: false });
      manager.register(
        definePlugin({
          name: 'keys',
          config: {
            toString: { type: 'string', default: 'text' },
            constructor: { type: 'number', default: 3 },
            valueOf: { type: 'integer', default: 1 },
            hasOwnProperty: { type: 'boolean', default: true },
          },
        }),
      );
      const report = await manager.start();
      expect(report.failed).toEqual([]);
      expect(manager.status()[0]?.config).toEqual({
        toString: 'text',
        constructor: 3,
        valueOf: 1,
        hasOwnProperty: true,
      });
      await manager.close();
    });

    it('should report a required one as missing, not as a function', async () => {
      const manager = new PluginManager({ logger: false });
      manager.register(
        definePlugin({ name: 'keys', config: { toString: { type: 'string', required: true } } }),
      );
      const report = await manager.start();
      expect(report.failed[0]?.error.message).toMatch(/toString: is required \(string\) but missing/);
      await manager.close();
    });
  });

  describe('when plugins are named constructor and toString', () => {
    it('should register, order and start them like any other', async () => {
      const manager = new PluginManager({ logger: false });
      manager.register([
        definePlugin({ name: 'constructor' }),
        definePlugin({ name: 'toString', dependencies: ['constructor'] }),
      ]);
      const report = await manager.start();
      expect(report.started).toEqual(['constructor', 'toString']);
      await manager.close();
    });
  });
});

describe('PluginManager messages about numbers', () => {
  describe.each([
    [Number.NaN, 'NaN'],
    [Infinity, 'Infinity'],
    [-Infinity, '-Infinity'],
  ])('when a number field is given %p', (value, shown) => {
    it(`should say it got ${shown}`, async () => {
      const manager = new PluginManager({ logger: false, config: { n: { count: value } } });
      manager.register(definePlugin({ name: 'n', config: { count: { type: 'number' } } }));
      const report = await manager.start();
      expect(report.failed[0]?.error.message).toContain(`count: expected a number, got ${shown}`);
      await manager.close();
    });
  });
});

describe('PluginManager.register with an invalid config schema', () => {
  describe.each([
    ['min: NaN', { n: { type: 'number', min: Number.NaN } }, /config\.n\.min must be a number, got NaN/],
    [
      'min > max',
      { n: { type: 'number', min: 5, max: 1 } },
      /config\.n: min \(5\) is greater than max \(1\)/,
    ],
    [
      "required: 'yes'",
      { n: { type: 'string', required: 'yes' } },
      /config\.n\.required must be true or false/,
    ],
    ['secret: 1', { n: { type: 'string', secret: 1 } }, /config\.n\.secret must be true or false, got 1/],
  ])('when the schema has %s', (_label, schema, message) => {
    it('should refuse the plugin with a ValidationError naming the field', () => {
      const manager = new PluginManager({ logger: false });
      const register = (): string =>
        manager.register(definePlugin({ name: 'bad', config: schema as unknown as ConfigSchema }));
      expect(register).toThrow(ValidationError);
      expect(register).toThrow(message);
    });
  });
});
