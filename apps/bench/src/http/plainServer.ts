/**
 * The peer of the demo's login in plain fastify: the same work without Trellis (correlation id,
 * rate-limit window, session written to the same embedded storage driver, greeting, audit entry,
 * login counter), written inline. Started as a child process; prints `App: <url>` like the demo.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { EmbeddedDriver } from '@trellis/storage';

const VALID_ID = /^[A-Za-z0-9._:-]{1,128}$/;
const limit = Number(process.env.RATE_LIMIT ?? 120);
const windowMs = 60_000;
const windows = new Map<string, { count: number; resetAt: number }>();
const audit: { at: string; event: string; username: string }[] = [];
let logins = 0;

const driver = new EmbeddedDriver({ dir: process.env.DATA_DIR ?? mkdtempSync(join(tmpdir(), 'plain-')) });
driver.open();
const app = Fastify();

app.addHook('onRequest', async (request, reply) => {
  const given = request.headers['x-correlation-id'];
  reply.header('X-Correlation-ID', typeof given === 'string' && VALID_ID.test(given) ? given : randomUUID());
  if (!request.url.startsWith('/api/')) return;
  const now = Date.now();
  let window = windows.get(request.ip);
  if (window === undefined || window.resetAt <= now) {
    window = { count: 0, resetAt: now + windowMs };
    windows.set(request.ip, window);
  }
  window.count += 1;
  const reset = Math.max(1, Math.ceil((window.resetAt - now) / 1000));
  reply.header('X-RateLimit-Limit', String(limit));
  reply.header('X-RateLimit-Remaining', String(Math.max(0, limit - window.count)));
  reply.header('X-RateLimit-Reset', String(reset));
  if (window.count > limit) {
    reply.header('Retry-After', String(reset));
    await reply.code(429).send({ error: { code: 'RATE_LIMITED', message: 'slow down' } });
  }
});

app.post('/api/login', async (request, reply) => {
  const body = request.body as { username?: unknown } | null;
  const username = typeof body?.username === 'string' ? body.username.trim() : '';
  if (username === '') {
    return reply.code(422).send({ error: { code: 'VALIDATION', problems: ['username is required'] } });
  }
  const token = randomBytes(24).toString('base64url');
  await driver.set(`users:session:${token}`, JSON.stringify({ username }), { ttl: 3_600_000 });
  const greeting = `Welcome, ${username}!`;
  audit.push({ at: new Date().toISOString(), event: 'user.login', username });
  if (audit.length > 1000) audit.shift();
  logins += 1;
  return reply.send({ token, greeting });
});

app.get('/metrics', (_request, reply) => reply.send(`demo_logins_total ${String(logins)}\n`));

const address = await app.listen({ host: '127.0.0.1', port: 0 });
process.stdout.write(`App:       ${address}/\n`);
process.on('SIGTERM', () => {
  void app.close().then(() => process.exit(0));
});
