import { isAbsolute, join } from 'node:path';

/** The demo's settings, read from the environment. */
export interface DemoEnv {
  readonly port: number;
  readonly host: string;
  readonly adminToken: string | undefined;
  readonly dataDir: string;
  readonly rateLimit: number;
  readonly drainMs: number;
  readonly redisUrl: string | undefined;
  readonly logLevel: string;
}

const integer = (value: string | undefined, fallback: number, name: string): number => {
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) {
    throw new Error(`${name}='${value}' is not a whole number; unset it or give e.g. ${name}=${fallback}.`);
  }
  return parsed;
};

/** Reads PORT, HOST, TRELLIS_ADMIN_TOKEN, DATA_DIR, RATE_LIMIT, SHUTDOWN_DRAIN_MS, TRELLIS_REDIS_URL, LOG_LEVEL. */
export function readEnv(env: NodeJS.ProcessEnv, cwd: string): DemoEnv {
  const dataDir = env.DATA_DIR ?? join(cwd, '.trellis', 'data');
  return {
    port: integer(env.PORT, 3000, 'PORT'),
    host: env.HOST ?? '127.0.0.1',
    adminToken: env.TRELLIS_ADMIN_TOKEN === '' ? undefined : env.TRELLIS_ADMIN_TOKEN,
    dataDir: isAbsolute(dataDir) ? dataDir : join(cwd, dataDir),
    rateLimit: Math.max(1, integer(env.RATE_LIMIT, 120, 'RATE_LIMIT')),
    drainMs: integer(env.SHUTDOWN_DRAIN_MS, 0, 'SHUTDOWN_DRAIN_MS'),
    redisUrl: env.TRELLIS_REDIS_URL === '' ? undefined : env.TRELLIS_REDIS_URL,
    logLevel: env.LOG_LEVEL ?? 'warn',
  };
}
