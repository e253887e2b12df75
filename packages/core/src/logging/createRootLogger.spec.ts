import { Writable } from 'node:stream';
import { ConfigValidationError } from '../errors/ConfigValidationError.js';
import { createRootLogger } from './createRootLogger.js';

/** A terminal-like stream that keeps what is written. */
function terminal(isTTY: boolean): Writable & { readonly isTTY: boolean; text(): string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  return Object.assign(stream, { isTTY, text: () => chunks.join('') });
}

const failure = new ConfigValidationError('audit', [
  { key: 'maxEntries', message: 'expected an integer, got a string' },
]);

describe('createRootLogger', () => {
  describe('when the default logger writes to a terminal outside production', () => {
    it('should print readable lines with the code and the fix, without the stack', () => {
      const out = terminal(true);
      const logger = createRootLogger(undefined, 'info', { destination: out, env: { NO_COLOR: '1' } });
      logger.error({ plugin: 'audit', code: failure.code, err: failure }, failure.message);
      const text = out.text();
      expect(text).toMatch(/ERROR.*\[audit\] TRELLIS_CONFIG_VALIDATION Invalid config for plugin 'audit'/);
      expect(text).toContain("Fix the 'audit' section of the manager's config.");
      expect(text).not.toMatch(/^\s*\{/m);
      expect(text).not.toMatch(/\n\s+at /);
      expect(text.match(/Invalid config/g)).toHaveLength(1);
    });

    it('should show an error the line does not already tell on one line', () => {
      const out = terminal(true);
      const logger = createRootLogger(undefined, 'info', { destination: out, env: { NO_COLOR: '1' } });
      logger.error({ err: failure }, 'watch: change not applied');
      expect(out.text()).toMatch(/err: ConfigValidationError TRELLIS_CONFIG_VALIDATION: Invalid config/);
    });

    it('should print the stack at debug level', () => {
      const out = terminal(true);
      const logger = createRootLogger(undefined, 'debug', { destination: out, env: { NO_COLOR: '1' } });
      logger.error({ err: failure }, failure.message);
      expect(out.text()).toMatch(/\n\s+at /);
    });
  });

  describe('when NODE_ENV is production or the output is no terminal', () => {
    it('should print JSON lines', () => {
      for (const [isTTY, env] of [
        [true, { NODE_ENV: 'production' }],
        [false, {}],
      ] as const) {
        const out = terminal(isTTY);
        createRootLogger(undefined, 'info', { destination: out, env }).info('hello');
        expect(JSON.parse(out.text())).toMatchObject({ msg: 'hello', level: 30 });
      }
    });
  });
});
