import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { startDemo } from './startDemo.js';
import type { RunningDemo } from './startDemo.js';

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        resolve(typeof address === 'object' && address !== null ? address.port : 0);
      });
    });
  });

async function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn('redis-server', ['--port', String(port), '--save', '', '--appendonly', 'no'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.once('error', reject);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      if (chunk.includes('Ready to accept connections')) resolve();
    });
  });
  return child;
}

describe('two demo hosts on one Redis (TRELLIS_REDIS_URL)', () => {
  let redis: ChildProcess;
  let first: RunningDemo;
  let second: RunningDemo;

  beforeAll(async () => {
    const port = await freePort();
    redis = await startRedis(port);
    const env = { TRELLIS_REDIS_URL: `redis://127.0.0.1:${String(port)}`, TRELLIS_ADMIN_TOKEN: 't' };
    [first, second] = await Promise.all([startDemo(env), startDemo(env)]);
  }, 60_000);

  afterAll(async () => {
    await Promise.all([first.dispose(), second.dispose()]);
    redis.kill('SIGTERM');
    await new Promise((resolve) => redis.once('exit', resolve));
  });

  it('should register the Redis plugin', async () => {
    const rows = (await (
      await fetch(`${first.base}admin/api/plugins`, { headers: { authorization: 'Bearer t' } })
    ).json()) as {
      name: string;
      state: string;
    }[];
    expect(rows.find((row) => row.name === 'trellis.redis')?.state).toBe('started');
  });

  it('should share storage: a login on one host authorises a request on the other', async () => {
    const login = await fetch(`${first.base}api/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'ada' }),
    });
    const { token } = (await login.json()) as { token: string };
    const created = await fetch(`${second.base}api/users`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ username: 'ada', email: 'ada@example.com' }),
    });
    expect(created.status).toBe(201);
    const user = (await created.json()) as { id: string };
    expect((await fetch(`${first.base}api/users/${user.id}`)).status).toBe(200);
  });
});
