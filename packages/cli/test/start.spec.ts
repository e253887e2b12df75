import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { assertBuilt, BIN, FIXTURES } from './support/cli.js';

describe('trellis start', () => {
  beforeAll(assertBuilt);

  describe('when started on a host folder with PORT=0', () => {
    it('should serve HTTP with admin and probes, and stop cleanly on SIGTERM', async () => {
      const child = spawn(process.execPath, [BIN, 'start', '--cwd', join(FIXTURES, 'healthy')], {
        env: { ...process.env, PORT: '0', TRELLIS_ADMIN_TOKEN: 'test-token', NO_COLOR: '1' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => {
          reject(new Error(`no URL printed; stdout: ${stdout}; stderr: ${stderr}`));
        }, 30_000);
        child.stdout.on('data', (chunk: Buffer) => {
          stdout += chunk.toString();
          const match = /(http:\/\/127\.0\.0\.1:\d+)\//.exec(stdout);
          if (match?.[1] !== undefined && stdout.includes('Press Ctrl-C')) {
            clearTimeout(timer);
            resolve(match[1]);
          }
        });
      });
      try {
        expect(stdout).toContain(`${url}/admin/`);
        const live = await fetch(`${url}/health/live`);
        expect(live.status).toBe(200);
        const plugins = await fetch(`${url}/admin/api/plugins`, {
          headers: { authorization: 'Bearer test-token' },
        });
        const names = ((await plugins.json()) as { name: string; state: string }[]).map((row) => row.name);
        expect(names).toEqual(
          expect.arrayContaining(['greeter', 'audit', 'clock', 'trellis.http', 'trellis.admin']),
        );
        expect(stderr).not.toContain('test-token');
      } finally {
        child.kill('SIGTERM');
      }
      const [code] = (await once(child, 'exit')) as [number | null];
      expect(code).toBe(0);
    }, 60_000);
  });

  describe('when started with --json and no admin token', () => {
    it('should print one JSON document holding the dashboard link with the generated token', async () => {
      const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0', NO_COLOR: '1' };
      delete env.TRELLIS_ADMIN_TOKEN;
      const child = spawn(process.execPath, [BIN, 'start', '--json', '--cwd', join(FIXTURES, 'healthy')], {
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      const document = await new Promise<{ url: string; dashboard: string; started: string[] }>(
        (resolve, reject) => {
          const timer = setTimeout(() => {
            reject(new Error(`no JSON printed: ${stdout}`));
          }, 30_000);
          child.stdout.on('data', (chunk: Buffer) => {
            stdout += chunk.toString();
            try {
              const parsed = JSON.parse(stdout) as { url: string; dashboard: string; started: string[] };
              clearTimeout(timer);
              resolve(parsed);
            } catch {
              // not complete yet
            }
          });
        },
      );
      try {
        expect(document.started).toEqual(expect.arrayContaining(['greeter', 'trellis.admin']));
        const token = decodeURIComponent(/#token=(.+)$/.exec(document.dashboard)?.[1] ?? '');
        expect(token).not.toBe('');
        const plugins = await fetch(`${document.url}/admin/api/plugins`, {
          headers: { authorization: `Bearer ${token}` },
        });
        expect(plugins.status).toBe(200);
      } finally {
        child.kill('SIGTERM');
      }
      const [code] = (await once(child, 'exit')) as [number | null];
      expect(code).toBe(0);
      expect(() => JSON.parse(stdout) as unknown).not.toThrow();
    }, 60_000);
  });
});
