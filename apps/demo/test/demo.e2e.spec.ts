import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startDemo } from './startDemo.js';
import type { RunningDemo } from './startDemo.js';

const ADMIN_TOKEN = 'e2e-admin-token';
const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };

const json = { 'content-type': 'application/json' };

async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, { method: 'POST', headers: { ...json, ...headers }, body: JSON.stringify(body) });
}

async function login(demo: RunningDemo, username: string): Promise<{ token: string; greeting: string }> {
  const response = await post(`${demo.base}api/login`, { username });
  expect(response.status).toBe(200);
  return (await response.json()) as { token: string; greeting: string };
}

/** Prometheus text → samples keyed by `name{labels}`. */
function parsePrometheus(text: string): Map<string, number> {
  const samples = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*(?:\{[^}]*\})?) (\S+)/.exec(line);
    if (!match) throw new Error(`not a Prometheus sample line: ${line}`);
    samples.set(match[1]!, Number(match[2]));
  }
  return samples;
}

describe('the demo service', () => {
  let demo: RunningDemo;

  beforeAll(async () => {
    demo = await startDemo({
      TRELLIS_ADMIN_TOKEN: ADMIN_TOKEN,
      RATE_LIMIT: '100000',
      SHUTDOWN_DRAIN_MS: '1500',
    });
  }, 30_000);

  afterAll(async () => {
    await demo.dispose();
  });

  describe('when it starts', () => {
    it('should print one line per URL, the dashboard with its token', () => {
      expect(demo.base).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      expect(demo.dashboard).toBe(`${demo.base}admin/#token=${ADMIN_TOKEN}`);
      expect(demo.metrics).toBe(`${demo.base}metrics`);
    });

    it('should be ready with every plugin started', async () => {
      const ready = await fetch(`${demo.base}health/ready`);
      expect(ready.status).toBe(200);
      const rows = (await (await fetch(`${demo.base}admin/api/plugins`, { headers: admin })).json()) as {
        name: string;
        state: string;
      }[];
      expect(rows.filter((row) => row.state !== 'started')).toEqual([]);
      expect(rows.map((row) => row.name)).toEqual(
        expect.arrayContaining([
          'welcome',
          'validation',
          'audit',
          'users',
          'ratelimit',
          'tracing',
          'trellis.admin',
        ]),
      );
    });
  });

  describe('when the dashboard and probes are asked', () => {
    it('should serve the dashboard page with its policy and answer liveness', async () => {
      const page = await fetch(`${demo.base}admin/`);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(await page.text()).toContain('dashboard.js');
      expect(await (await fetch(`${demo.base}health/live`)).json()).toEqual({ status: 'ok' });
      const health = await fetch(`${demo.base}admin/api/plugins/users/health`, { headers: admin });
      expect(await health.json()).toMatchObject({ status: 'healthy' });
    });
  });

  describe('when a user logs in', () => {
    it('should answer a token and the greeting, and audit it', async () => {
      const answer = await login(demo, 'alice');
      expect(answer.greeting).toBe('Welcome, alice!');
      expect(answer.token).toEqual(expect.any(String));
      const audit = (await (await fetch(`${demo.base}api/audit`)).json()) as {
        event: string;
        username: string;
      }[];
      expect(audit.at(-1)).toMatchObject({ event: 'user.login', username: 'alice' });
    });
  });

  describe('when a user is created', () => {
    it('should store the normalised user and read it back', async () => {
      const { token } = await login(demo, 'bob');
      const created = await post(
        `${demo.base}api/users`,
        { username: '  bob ', email: 'Bob@Example.COM' },
        { authorization: `Bearer ${token}` },
      );
      expect(created.status).toBe(201);
      const user = (await created.json()) as { id: string; username: string; email: string };
      expect(user).toEqual({ id: expect.any(String), username: 'bob', email: 'bob@example.com' });
      const read = await fetch(`${demo.base}api/users/${user.id}`);
      expect(await read.json()).toEqual(user);
      expect((await fetch(`${demo.base}api/users/does-not-exist`)).status).toBe(404);
    });

    it('should refuse an invalid user with 422 and the problems', async () => {
      const { token } = await login(demo, 'carol');
      const response = await post(
        `${demo.base}api/users`,
        { username: 'x', email: 'not-an-email' },
        { authorization: `Bearer ${token}` },
      );
      expect(response.status).toBe(422);
      expect(await response.json()).toEqual({
        error: {
          code: 'VALIDATION',
          message: expect.any(String),
          problems: ['username must have at least 3 characters', "'not-an-email' is not an email address"],
        },
      });
    });

    it('should answer 401 without a login token', async () => {
      const response = await post(`${demo.base}api/users`, { username: 'dave', email: 'dave@example.com' });
      expect(response.status).toBe(401);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('UNAUTHORIZED');
      const wrong = await post(
        `${demo.base}api/users`,
        { username: 'dave', email: 'dave@example.com' },
        { authorization: 'Bearer not-a-session' },
      );
      expect(wrong.status).toBe(401);
    });
  });

  describe('when requests carry correlation ids', () => {
    it('should echo a given X-Correlation-ID', async () => {
      const response = await fetch(`${demo.base}api/audit`, { headers: { 'x-correlation-id': 'req-42.a' } });
      expect(response.headers.get('x-correlation-id')).toBe('req-42.a');
    });

    it('should set a fresh one when none (or a malformed one) is given', async () => {
      const first = (await fetch(`${demo.base}api/audit`)).headers.get('x-correlation-id');
      const second = (
        await fetch(`${demo.base}api/audit`, { headers: { 'x-correlation-id': 'bad id<>' } })
      ).headers.get('x-correlation-id');
      expect(first).toMatch(/^[0-9a-f-]{36}$/);
      expect(second).toMatch(/^[0-9a-f-]{36}$/);
      expect(second).not.toBe(first);
    });

    it('should set the rate-limit headers on every answer', async () => {
      const response = await fetch(`${demo.base}api/users/nobody`);
      expect(response.headers.get('x-ratelimit-limit')).toBe('100000');
      expect(Number(response.headers.get('x-ratelimit-remaining'))).toBeGreaterThan(0);
      expect(Number(response.headers.get('x-ratelimit-reset'))).toBeGreaterThan(0);
    });
  });

  describe('when /metrics is scraped', () => {
    it('should give Prometheus text with the custom and hook metrics', async () => {
      await login(demo, 'erin');
      const response = await fetch(demo.metrics);
      expect(response.headers.get('content-type')).toContain('text/plain');
      const samples = parsePrometheus(await response.text());
      expect(samples.get('demo_logins_total')).toBeGreaterThanOrEqual(1);
      expect(samples.has('demo_users_created_total')).toBe(true);
      const loginCalls = [...samples].filter(
        ([key]) => key.startsWith('trellis_hook_calls_total{') && key.includes('event="user.login"'),
      );
      expect(loginCalls.length).toBeGreaterThan(0);
      expect(loginCalls.every(([, value]) => value >= 1)).toBe(true);
    });
  });

  describe('when a plugin is reloaded through the API while requests keep coming', () => {
    it('should answer every request', async () => {
      let running = true;
      const statuses: number[] = [];
      const worker = async (): Promise<void> => {
        while (running) {
          const response = await post(`${demo.base}api/login`, { username: 'load' });
          statuses.push(response.status);
          await response.arrayBuffer();
        }
      };
      const workers = [worker(), worker(), worker(), worker()];
      const answered = async (count: number): Promise<void> => {
        const target = statuses.length + count;
        while (statuses.length < target) await new Promise((resolve) => setTimeout(resolve, 5));
      };
      for (const name of ['welcome', 'validation', 'audit', 'welcome']) {
        await answered(25);
        const reload = await fetch(`${demo.base}admin/api/plugins/${name}/reload`, {
          method: 'POST',
          headers: admin,
        });
        expect(reload.status).toBe(200);
        expect(((await reload.json()) as { reloaded: string[] }).reloaded).toContain(name);
      }
      await answered(25);
      running = false;
      await Promise.all(workers);
      expect(statuses.length).toBeGreaterThan(0);
      expect(statuses.filter((status) => status !== 200)).toEqual([]);
    }, 30_000);
  });

  describe('when a plugin is edited on disk and reloaded', () => {
    it('should serve the new code', async () => {
      const file = join(demo.appDir, 'dist', 'plugins', 'welcome.plugin.js');
      const source = await readFile(file, 'utf8');
      expect(source).toContain('${login.username}!');
      await writeFile(file, source.replace('${login.username}!', '${login.username}! (edited)'));
      const reload = await fetch(`${demo.base}admin/api/plugins/welcome/reload`, {
        method: 'POST',
        headers: admin,
      });
      expect(reload.status).toBe(200);
      expect((await login(demo, 'frank')).greeting).toBe('Welcome, frank! (edited)');
    });

    it('should keep the running version when the new one does not load (409)', async () => {
      const file = join(demo.appDir, 'dist', 'plugins', 'welcome.plugin.js');
      const source = await readFile(file, 'utf8');
      await writeFile(file, `${source}\nthis is not javascript\n`);
      const reload = await fetch(`${demo.base}admin/api/plugins/welcome/reload`, {
        method: 'POST',
        headers: admin,
      });
      expect(reload.status).toBe(409);
      expect(((await reload.json()) as { error: { code: string } }).error.code).toBe(
        'TRELLIS_ADMIN_RELOAD_REJECTED',
      );
      expect((await login(demo, 'gina')).greeting).toBe('Welcome, gina! (edited)');
      await writeFile(file, source);
    });
  });

  describe('when it gets SIGTERM', () => {
    it('should turn readiness 503 at once, stop every plugin in reverse order and exit 0', async () => {
      const graph = (await (await fetch(`${demo.base}admin/api/graph`, { headers: admin })).json()) as {
        edges: { from: string; to: string }[];
      };
      const rows = (await (await fetch(`${demo.base}admin/api/plugins`, { headers: admin })).json()) as {
        name: string;
        state: string;
      }[];
      const started = rows.filter((row) => row.state === 'started').map((row) => row.name);

      demo.child.kill('SIGTERM');
      const inFlight = post(`${demo.base}api/login`, { username: 'late' });
      let ready = await fetch(`${demo.base}health/ready`);
      for (let tries = 0; ready.status === 200 && tries < 20; tries += 1) {
        await new Promise((resolve) => setTimeout(resolve, 25));
        ready = await fetch(`${demo.base}health/ready`);
      }
      expect(ready.status).toBe(503);
      expect((await inFlight).status).toBe(200);
      expect(await demo.exited).toBe(0);
      expect(demo.lines).toContain('exited cleanly');
      const stopped = demo.lines.filter((line) => line.startsWith('stopped ')).map((line) => line.slice(8));
      expect([...stopped].sort()).toEqual([...started].sort());
      // Reverse order: every plugin stopped before each plugin it depends on.
      const late = graph.edges.filter((edge) => stopped.indexOf(edge.from) > stopped.indexOf(edge.to));
      expect(late).toEqual([]);
    }, 30_000);
  });
});

describe('the demo under its rate limit', () => {
  let demo: RunningDemo;

  beforeAll(async () => {
    demo = await startDemo({ RATE_LIMIT: '3' });
  }, 30_000);

  afterAll(async () => {
    await demo.dispose();
  });

  it('should answer 429 with Retry-After past the limit', async () => {
    for (let i = 0; i < 3; i += 1)
      expect((await post(`${demo.base}api/login`, { username: 'hal' })).status).toBe(200);
    const refused = await post(`${demo.base}api/login`, { username: 'hal' });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('RATE_LIMITED');
  });

  it('should print a generated admin token in the dashboard URL when none is set', () => {
    expect(demo.dashboard).toMatch(/\/admin\/#token=[A-Za-z0-9_-]{20,}$/);
  });
});
