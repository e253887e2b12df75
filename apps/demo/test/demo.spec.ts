import { runDemo } from '../src/demo.js';

describe('demo host', () => {
  describe('when it runs', () => {
    let lines: string[];

    beforeAll(async () => {
      lines = [];
      await runDemo({ out: (line) => lines.push(line) });
    });

    it('should start the plugins in dependency order', () => {
      const started = lines.find((line) => line.startsWith('Started '));
      expect(started).toBeDefined();
      const order = (started ?? '').slice('Started '.length).split(' -> ');
      expect(order.indexOf('clock')).toBeLessThan(order.indexOf('audit'));
      expect(order.indexOf('welcome')).toBeLessThan(order.indexOf('audit'));
      expect(order).toEqual(expect.arrayContaining(['clock', 'welcome', 'validation', 'audit']));
    });

    it('should greet through the welcome plugin with its configured greeting', () => {
      expect(lines).toContain('user.login -> Hello, Alice!');
    });

    it('should normalise a valid user and reject an invalid one', () => {
      expect(lines).toContain('db.before_save -> {"username":"bob","email":"bob@example.com","valid":true}');
      expect(lines).toContain(
        "db.before_save -> rejected: username must have at least 3 characters; 'not-an-email' is not an email address",
      );
    });

    it('should audit every user event through the wildcard hook', () => {
      const trail = lines.slice(lines.indexOf('Audit trail:') + 1, lines.indexOf('Status:'));
      expect(trail).toEqual(['  user.login Alice', '  user.logout Alice']);
    });

    it('should isolate the failing plugin and its dependent', () => {
      expect(lines.some((line) => line.startsWith('Failed flaky: [TRELLIS_PLUGIN_LOAD]'))).toBe(true);
      expect(lines.some((line) => line.startsWith('Failed billing: [TRELLIS_DEPENDENCY'))).toBe(true);
    });

    it('should close cleanly', () => {
      expect(lines.at(-1)).toMatch(/^Closed: every plugin is /);
    });
  });
});
