import { assertBuilt, trellis } from './support/cli.js';

const COMMANDS = [[], ['new'], ['new', 'plugin'], ['list'], ['graph'], ['doctor'], ['start']];

describe('trellis --help', () => {
  beforeAll(assertBuilt);

  describe.each(COMMANDS.map((command) => [command.join(' ') || '(top level)', command] as const))(
    'when asked for the help of %s',
    (_label, command) => {
      it('should show at least one example', async () => {
        const result = await trellis([...command, '--help']);
        expect(result.code).toBe(0);
        expect(result.stdout).toMatch(/Example:\n {2}trellis /);
      });
    },
  );

  describe('when given an unknown command', () => {
    it('should name it on one line with the code and point to --help', async () => {
      const result = await trellis(['frobnicate']);
      expect(result.code).not.toBe(0);
      expect(result.stdout).toBe('');
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).toMatch(/^TRELLIS_CLI_USAGE: unknown command 'frobnicate'.*--help/);
    });
  });

  describe('when given an unknown option', () => {
    it('should answer one line with the code and the fix', async () => {
      const result = await trellis(['doctor', '--frob']);
      expect(result.code).not.toBe(0);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).toMatch(/^TRELLIS_CLI_USAGE: unknown option '--frob'.*Fix: /);
    });
  });

  describe('when asked for the version', () => {
    it('should print it', async () => {
      const result = await trellis(['--version']);
      expect(result.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    });
  });
});
