import { randomBytes, randomUUID } from 'node:crypto';
import { inject, plugin, TOKENS } from '@trellis/core';
import type { ExtensionRegistry, PluginContext } from '@trellis/core';
import { HTTP_SERVER } from '@trellis/http';
import { STORAGE } from '@trellis/storage';
import type { PluginStorage } from '@trellis/storage';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { mountOnce } from '../shared/mountOnce.js';
import type { Mounted } from '../shared/mountOnce.js';
import { AuditTrail, BeforeSave, UserCreated, UserLogin } from '../shared/points.js';
import type { User } from '../shared/points.js';
import { sendError } from '../shared/sendError.js';

const SESSION_TTL_MS = 60 * 60 * 1000;

interface StoredUser {
  id: string;
  username: string;
  email: string;
}

const bearer = (header: string | undefined): string | undefined =>
  /^Bearer[ \t]+(\S+)$/i.exec(header ?? '')?.[1];

const field = (body: unknown, name: string): unknown =>
  typeof body === 'object' && body !== null && Object.hasOwn(body, name)
    ? (body as Record<string, unknown>)[name]
    : undefined;

/**
 * The user API: `POST /api/login`, `POST /api/users`, `GET /api/users/:id`, `GET /api/audit`. Users
 * and login sessions live in its storage (under `DATA_DIR`), which is also its health check; the
 * greeting, validation and audit come from the other plugins through extension points.
 */
@plugin({
  name: 'users',
  version: '1.0.0',
  description: 'The user API (login, users, audit trail)',
  optionalDependencies: { tracing: '*', ratelimit: '*' },
})
export class UsersPlugin {
  #ctx: PluginContext | undefined;

  constructor(
    @inject(HTTP_SERVER) private readonly server: FastifyInstance,
    @inject(STORAGE) private readonly storage: PluginStorage,
    @inject(TOKENS.Extensions) private readonly registry: ExtensionRegistry,
  ) {}

  initialize(ctx: PluginContext): void {
    this.#ctx = ctx;
    mountOnce<UsersPlugin>(this.server, 'users', (feature) => {
      this.#mount(feature);
    }).current = this;
  }

  stop(): void {
    const feature = mountOnce<UsersPlugin>(this.server, 'users', () => undefined);
    if (feature.current === this) feature.current = undefined;
  }

  /** Health check: a write and a read of the storage. */
  async checkHealth(): Promise<{ status: 'healthy' | 'unhealthy'; message: string }> {
    const probe = Date.now();
    await this.storage.set('health:probe', probe);
    const read = await this.storage.get<number>('health:probe');
    return read === probe
      ? { status: 'healthy', message: 'storage answers reads and writes' }
      : { status: 'unhealthy', message: 'storage did not return what was written' };
  }

  async login(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
    const username = field(request.body, 'username');
    if (typeof username !== 'string' || username.trim() === '') {
      return sendError(reply, 422, 'VALIDATION', 'The login needs a username.', {
        problems: ['username is required'],
      });
    }
    const ctx = this.#context();
    const token = randomBytes(24).toString('base64url');
    await this.storage.set(`session:${token}`, { username: username.trim() }, { ttl: SESSION_TTL_MS });
    const login = await ctx.triggerAsync(UserLogin, { username: username.trim() });
    return reply.send({ token, greeting: login.greeting ?? `Hello, ${login.username}!` });
  }

  async createUser(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
    const token = bearer(request.headers.authorization);
    const session = token === undefined ? undefined : await this.storage.get(`session:${token}`);
    if (session === undefined) {
      return sendError(
        reply,
        401,
        'UNAUTHORIZED',
        'Log in first (POST /api/login) and send Authorization: Bearer <token>.',
      );
    }
    const username = field(request.body, 'username');
    const email = field(request.body, 'email');
    const problems = [
      ...(typeof username === 'string' ? [] : ['username is required']),
      ...(typeof email === 'string' ? [] : ['email is required']),
    ];
    if (typeof username !== 'string' || typeof email !== 'string') {
      return sendError(reply, 422, 'VALIDATION', 'The user is not valid.', { problems });
    }
    const checked: User = await this.#context().triggerAsync(BeforeSave, { username, email });
    if (checked.valid === false) {
      return sendError(reply, 422, 'VALIDATION', 'The user is not valid.', {
        problems: checked.problems ?? [],
      });
    }
    const user: StoredUser = { id: randomUUID(), username: checked.username, email: checked.email };
    await this.storage.set(`user:${user.id}`, user);
    await this.#context().notifyAsync(UserCreated, { id: user.id, username: user.username });
    return reply.code(201).send(user);
  }

  async getUser(
    request: FastifyRequest<{ Params: { id: string } }>,
    reply: FastifyReply,
  ): Promise<FastifyReply> {
    const user = await this.storage.get<StoredUser>(`user:${request.params.id}`);
    if (user === undefined)
      return sendError(reply, 404, 'NOT_FOUND', `No user has the id '${request.params.id}'.`);
    return reply.send(user);
  }

  audit(_request: FastifyRequest, reply: FastifyReply): FastifyReply {
    const trails = this.registry.collect(AuditTrail, undefined);
    return reply.send(trails[0] ?? []);
  }

  #context(): PluginContext {
    if (this.#ctx === undefined) throw new Error("plugin 'users' is not initialised");
    return this.#ctx;
  }

  /** Routes call the current instance through public methods: after a reload it is of the new class. */
  #mount(feature: Mounted<UsersPlugin>): void {
    const current = (reply: FastifyReply): UsersPlugin | undefined => {
      const users = feature.current;
      if (users === undefined || !users.registry.isOwnerEnabled('users')) {
        void sendError(
          reply,
          503,
          'UNAVAILABLE',
          "The user API is not running (plugin 'users' is stopped or disabled).",
        );
        return undefined;
      }
      return users;
    };
    const options = { bodyLimit: 16_384 };
    this.server.post(
      '/api/login',
      options,
      async (request, reply) => current(reply)?.login(request, reply) ?? reply,
    );
    this.server.post(
      '/api/users',
      options,
      async (request, reply) => current(reply)?.createUser(request, reply) ?? reply,
    );
    this.server.get<{ Params: { id: string } }>(
      '/api/users/:id',
      async (request, reply) => current(reply)?.getUser(request, reply) ?? reply,
    );
    this.server.get('/api/audit', async (request, reply) => current(reply)?.audit(request, reply) ?? reply);
  }
}
