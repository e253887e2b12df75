import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import pino from 'pino';
import {
  definePlugin,
  matchPermission,
  PERMISSION_DENIED_EVENT,
  PermissionError,
  PluginManager,
  TOKENS,
  type PermissionDenial,
  type PluginManagerOptions,
} from '../../src/index.js';

const plain = (name: string, permissions?: readonly string[], hooks: readonly string[] = []) =>
  definePlugin({
    name,
    ...(permissions === undefined ? {} : { permissions }),
    hooks: hooks.map((on) => ({ on, handler: (value: unknown) => value })),
  });

function manager(options: PluginManagerOptions = {}): {
  manager: PluginManager;
  lines: Record<string, unknown>[];
} {
  const lines: Record<string, unknown>[] = [];
  const logger = pino(
    { level: 'info' },
    { write: (line: string) => lines.push(JSON.parse(line) as Record<string, unknown>) },
  );
  return { manager: new PluginManager({ logger, ...options }), lines };
}

describe('matchPermission', () => {
  describe('when targets use wildcards', () => {
    it('should match as section 4 does', () => {
      expect(matchPermission('events.publish:user.*', 'events.publish:user.login')).toBe(true);
      expect(matchPermission('events.publish:user.*', 'events.publish:user.profile.update')).toBe(false);
      expect(matchPermission('events.publish:user.**', 'events.publish:user.profile.update')).toBe(true);
      expect(matchPermission('events.publish:user.*', 'events.subscribe:user.login')).toBe(false);
      expect(matchPermission('events.publish', 'events.publish:anything.at.all')).toBe(true);
      expect(matchPermission('hooks:db.before_*', 'hooks:db.before_save')).toBe(true);
      expect(matchPermission('hooks:{a,b}.x', 'hooks:b.x')).toBe(true);
      expect(matchPermission('*', 'net')).toBe(true);
    });
  });

  describe('when the permission is a file path', () => {
    it('should cover the folder and below only', () => {
      expect(matchPermission('fs.read:/data', 'fs.read:/data/a/b.txt')).toBe(true);
      expect(matchPermission('fs.read:/data', 'fs.read:/data-other/x')).toBe(false);
      expect(matchPermission('fs.read:/data', 'fs.read:/data/../etc/passwd')).toBe(false);
    });
  });

  describe('when the pattern equals the permission', () => {
    it('should always match', () => {
      fc.assert(
        fc.property(fc.stringMatching(/^[a-z]+(\.[a-z]+)*(:[a-z.]+)?$/), (permission) =>
          matchPermission(permission, permission),
        ),
      );
    });
  });
});

describe('permissions', () => {
  describe('when the host grants part of what a plugin declares', () => {
    it('should show declared and granted, allow only both, and deny with PermissionError', async () => {
      const { manager: host, lines } = manager({
        grants: { svc: ['events.publish:user.*', 'storage'] },
      });
      host.register([plain('svc', ['events.publish:**', 'storage', 'net']), plain('trusted')]);
      await host.start();
      const row = host.status().find((entry) => entry.name === 'svc');
      expect(row?.permissions).toEqual({
        declared: ['events.publish:**', 'storage', 'net'],
        granted: ['storage'],
      });
      const denials: PermissionDenial[] = [];
      host.permissions.onDenied((denial) => denials.push(denial));
      const notified: unknown[] = [];
      host.registerHook(PERMISSION_DENIED_EVENT, (payload: unknown) => {
        notified.push(payload);
      });
      const checker = host.permissionsOf('svc');
      expect(checker.enforced).toBe(true);
      expect(checker.has('events.publish:user.login')).toBe(true);
      expect(checker.has('storage')).toBe(true);
      expect(() => {
        checker.check('events.publish:admin.reset');
      }).toThrow(PermissionError);
      expect(() => {
        checker.check('events.publish:admin.reset');
      }).toThrow(
        /Plugin 'svc' is not allowed 'events.publish:admin.reset': the host does not grant it.*grants\['svc'\]/,
      );
      expect(() => {
        checker.check('services.register');
      }).toThrow(/does not declare it/);
      expect(host.permissions.denials()).toEqual([
        { plugin: 'svc', permission: 'events.publish:admin.reset', count: 2 },
        { plugin: 'svc', permission: 'services.register', count: 1 },
      ]);
      expect(denials).toHaveLength(3);
      expect(lines.filter((line) => line.permission === 'services.register')).toHaveLength(1);
      expect(notified).toEqual([
        { plugin: 'svc', permission: 'events.publish:admin.reset' },
        { plugin: 'svc', permission: 'events.publish:admin.reset' },
        { plugin: 'svc', permission: 'services.register' },
      ]);
      expect(lines.filter((line) => line.permission === 'events.publish:admin.reset')).toHaveLength(1);
      expect(checker.denial('storage')).toBeUndefined();
      expect(checker.denial('net')).toBeInstanceOf(PermissionError);
      expect(host.permissionsOf('trusted').has('anything')).toBe(true);
      expect(host.permissionsOf('not-registered').denial('anything')).toBeUndefined();
      await host.close();
    });
  });

  describe("when the host grants '*'", () => {
    it('should grant everything declared', () => {
      const { manager: host } = manager({ grants: { svc: '*' } });
      host.register(plain('svc', ['net', 'storage']));
      expect(host.status()[0]?.permissions.granted).toEqual(['net', 'storage']);
      expect(host.permissionsOf('svc').has('child_process')).toBe(false);
    });
  });

  describe('when a plugin hooks points', () => {
    it('should load it when hooks:<pattern> allows each, and fail it with the PermissionError otherwise', async () => {
      const { manager: host } = manager({ grants: { listed: [] } });
      host.register([
        plain('allowed', ['hooks:user.*'], ['user.login']),
        plain('refused', ['hooks:user.*'], ['admin.reset']),
        plain('listed', undefined, ['user.login']),
      ]);
      const report = await host.start();
      expect(report.started).toEqual(['allowed']);
      expect(report.failed.map((entry) => [entry.name, entry.error.code])).toEqual([
        ['refused', 'TRELLIS_PERMISSION_DENIED'],
        ['listed', 'TRELLIS_PERMISSION_DENIED'],
      ]);
      expect(report.failed[0]?.error).toBeInstanceOf(PermissionError);
      expect(host.extensions.describe().flatMap((point) => point.handlers.map((h) => h.plugin))).toEqual([
        'allowed',
      ]);
      await host.close();
    });
  });

  describe('when a plugin registers a hook through its context', () => {
    it('should refuse a point outside hooks:<pattern> with the PermissionError, at load and later', async () => {
      const { manager: host } = manager();
      let later: unknown;
      host.register([
        definePlugin({
          name: 'eager',
          permissions: ['hooks:user.*'],
          initialize(ctx) {
            ctx.registerHook('admin.reset', () => undefined);
          },
        }),
        definePlugin({
          name: 'patient',
          permissions: ['hooks:user.*'],
          inject: { ctx: TOKENS.Context },
          start() {
            this.ctx.registerHook('user.login', () => undefined);
            try {
              this.ctx.registerHook('admin.reset', () => undefined);
            } catch (error) {
              later = error;
            }
          },
        }),
      ]);
      const report = await host.start();
      expect(report.failed.map((entry) => [entry.name, entry.error.constructor])).toEqual([
        ['eager', PermissionError],
      ]);
      expect(report.started).toEqual(['patient']);
      expect(later).toBeInstanceOf(PermissionError);
      await host.close();
    });
  });

  describe('when config holds secrets', () => {
    const withSecret = (name: string, permissions: readonly string[]) =>
      definePlugin({
        name,
        permissions,
        config: { password: { type: 'string', secret: true }, user: { type: 'string' } },
        inject: { cfg: TOKENS.Config },
      });

    it('should hide them from an enforced plugin without config.secrets', async () => {
      const { manager: host } = manager({
        config: { blind: { password: 'pw', user: 'u' }, seeing: { password: 'pw', user: 'u' } },
      });
      host.register([withSecret('blind', ['storage']), withSecret('seeing', ['config.secrets'])]);
      await host.start();
      const blind = host.getPlugin('blind') as { cfg: { all(): unknown } };
      const seeing = host.getPlugin('seeing') as { cfg: { all(): unknown } };
      expect(blind.cfg.all()).toEqual({ user: 'u' });
      expect(seeing.cfg.all()).toEqual({ password: 'pw', user: 'u' });
      await host.close();
    });
  });
});
