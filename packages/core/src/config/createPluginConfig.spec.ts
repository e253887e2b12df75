import { createPluginConfig } from './createPluginConfig.js';

describe('createPluginConfig', () => {
  const config = createPluginConfig({ greeting: 'Hi', db: { host: 'localhost' }, zero: 0 });

  describe('when a key is present', () => {
    it('should return its value, not the default', () => {
      expect(config.get('greeting', 'Welcome')).toBe('Hi');
      expect(config.get('zero', 5)).toBe(0);
    });

    it('should reach into objects with a dotted path', () => {
      expect(config.get('db.host')).toBe('localhost');
      expect(config.has('db.host')).toBe(true);
    });
  });

  describe('when a key is absent', () => {
    it('should return the default or undefined', () => {
      expect(config.get('missing', 'x')).toBe('x');
      expect(config.get('missing')).toBeUndefined();
      expect(config.has('missing')).toBe(false);
    });
  });

  describe('when all() is called', () => {
    it('should return a frozen copy of the section', () => {
      expect(config.all()).toEqual({ greeting: 'Hi', db: { host: 'localhost' }, zero: 0 });
      expect(Object.isFrozen(config.all())).toBe(true);
    });
  });
});
