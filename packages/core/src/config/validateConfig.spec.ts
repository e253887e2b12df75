import { validateConfig } from './validateConfig.js';
import type { ConfigSchema } from './ConfigSchema.js';

const schema: ConfigSchema = {
  url: { type: 'string', required: true, secret: true },
  poolSize: { type: 'integer', default: 5, min: 1, max: 50 },
  mode: { type: 'string', enum: ['fast', 'safe'], default: 'safe' },
  tags: { type: 'array', max: 2 },
  name: { type: 'string', min: 3 },
  debug: { type: 'boolean' },
  extra: { type: 'object' },
  ratio: { type: 'number' },
};

describe('validateConfig', () => {
  describe('when the section is valid', () => {
    it('should apply defaults and keep undeclared keys', () => {
      const result = validateConfig(schema, { url: 'postgres://x', other: 1 });
      expect(result.problems).toEqual([]);
      expect(result.value).toEqual({ url: 'postgres://x', other: 1, poolSize: 5, mode: 'safe' });
    });

    it('should copy object defaults so instances do not share them', () => {
      const withList: ConfigSchema = { list: { type: 'array', default: [1] } };
      const first = validateConfig(withList, {}).value.list;
      const second = validateConfig(withList, {}).value.list;
      expect(first).toEqual([1]);
      expect(first).not.toBe(second);
    });
  });

  describe('when the section has several problems', () => {
    const result = validateConfig(schema, {
      poolSize: 500,
      mode: 'turbo',
      tags: ['a', 'b', 'c'],
      name: 'ab',
      debug: 'yes',
      extra: [],
      ratio: Number.NaN,
    });

    it('should report every problem at once', () => {
      expect(result.problems.map((problem) => problem.key)).toEqual([
        'url',
        'poolSize',
        'mode',
        'tags',
        'name',
        'debug',
        'extra',
        'ratio',
      ]);
    });

    it('should explain each problem', () => {
      const messages = Object.fromEntries(result.problems.map((problem) => [problem.key, problem.message]));
      expect(messages.url).toMatch(/required/);
      expect(messages.poolSize).toBe('must be at most 50, got 500');
      expect(messages.mode).toBe("must be one of 'fast', 'safe', got 'turbo'");
      expect(messages.tags).toMatch(/at most 2 items/);
      expect(messages.name).toMatch(/at least 3 characters/);
      expect(messages.debug).toBe('expected a boolean, got a string');
      expect(messages.extra).toBe('expected an object, got an array');
    });
  });

  describe('when a secret value is wrong', () => {
    it('should not quote the value', () => {
      const secret: ConfigSchema = { token: { type: 'string', secret: true, enum: ['a'] } };
      const { problems } = validateConfig(secret, { token: 'hunter2' });
      expect(problems).toHaveLength(1);
      expect(JSON.stringify(problems)).not.toContain('hunter2');
    });
  });

  describe('when the section is not an object', () => {
    it('should report one problem for the whole section', () => {
      expect(validateConfig(schema, 42).problems).toEqual([
        { key: '(section)', message: 'expected an object, got a number' },
      ]);
    });
  });

  describe('when there is no schema', () => {
    it('should pass the section through', () => {
      expect(validateConfig(undefined, { a: 1 })).toEqual({ value: { a: 1 }, problems: [] });
    });
  });
});
