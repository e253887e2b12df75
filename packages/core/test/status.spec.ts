import { Writable } from 'node:stream';
import { pino } from 'pino';
import { PluginManager, TOKENS, definePlugin, inject, plugin, type Logger } from '../src/index.js';

function capture(): { logger: Logger; lines: () => string[] } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  return {
    logger: pino({ level: 'debug' }, stream),
    lines: () => chunks.join('').split('\n').filter(Boolean),
  };
}

const Db = definePlugin({
  name: 'db',
  version: '2.1.0',
  description: 'Database',
  config: {
    url: { type: 'string', required: true, secret: true },
    pool: { type: 'integer', default: 5 },
  },
});

describe('PluginManager introspection', () => {
  let manager: PluginManager;
  afterEach(async () => {
    await manager.close();
  });

  describe('when status() is read', () => {
    it('should give JSON-safe rows with redacted config, errors and timings', async () => {
      manager = new PluginManager({ logger: false, config: { db: { url: 'postgres://user:hunter2@x' } } });
      manager.register([
        Db,
        definePlugin({ name: 'api', dependencies: { db: '^2.0.0' }, start: () => undefined }),
      ]);
      await manager.start();
      const status = manager.status();
      expect(JSON.parse(JSON.stringify(status))).toEqual(status);
      expect(status[0]).toMatchObject({
        name: 'db',
        version: '2.1.0',
        description: 'Database',
        state: 'started',
        enabled: true,
        dependencies: [],
        config: { url: '[secret]', pool: 5 },
        lastError: null,
      });
      expect(status[1]?.dependencies).toEqual(['db']);
      expect(typeof status[1]?.timings.start).toBe('number');
      expect(JSON.stringify(status)).not.toContain('hunter2');
    });

    it('should keep secrets out of errors and logs when config is invalid', async () => {
      const { logger, lines } = capture();
      manager = new PluginManager({
        logger,
        config: { db: { url: 'postgres://user:hunter2@x', pool: 'many' } },
      });
      manager.register(
        definePlugin({
          name: 'db',
          config: {
            url: { type: 'string', secret: true, enum: ['postgres://other'] },
            pool: { type: 'integer' },
          },
        }),
      );
      const report = await manager.start();
      expect(report.failed[0]?.error.message).toMatch(/url: must be one of/);
      expect(report.failed[0]?.error.message).not.toContain('hunter2');
      expect(lines().join('\n')).not.toContain('hunter2');
      expect(JSON.stringify(manager.status())).not.toContain('hunter2');
      expect(manager.status()[0]?.lastError?.code).toBe('TRELLIS_CONFIG_VALIDATION');
    });
  });

  describe('when graph() is read', () => {
    it('should list nodes, edges from dependent to dependency, the order and cycles', () => {
      manager = new PluginManager({ logger: false });
      manager.register([
        definePlugin({
          name: 'api',
          dependencies: { db: '^2.0.0' },
          optionalDependencies: ['cache', 'absent'],
        }),
        Db,
        definePlugin({ name: 'cache' }),
        definePlugin({ name: 'lonely', dependencies: ['ghost'] }),
      ]);
      const graph = manager.graph();
      expect(JSON.parse(JSON.stringify(graph))).toEqual(graph);
      expect(graph.order).toEqual(['db', 'cache', 'api', 'lonely']);
      expect(graph.edges).toEqual([
        { from: 'api', to: 'db', kind: 'required', range: '^2.0.0', missing: false },
        { from: 'api', to: 'cache', kind: 'optional', range: '*', missing: false },
        { from: 'lonely', to: 'ghost', kind: 'required', range: '*', missing: true },
      ]);
      expect(graph.cycles).toEqual([]);
    });
  });

  describe('when plugins are listed', () => {
    it('should give names, descriptors and live instances', async () => {
      manager = new PluginManager({ logger: false, config: { db: { url: 'x' } } });
      manager.register([Db, definePlugin({ name: 'idle' })]);
      await manager.load('db');
      expect(manager.getRegisteredPlugins()).toEqual(['db', 'idle']);
      expect(manager.getLoadedPlugins()).toEqual(['db']);
      expect(manager.isLoaded('db')).toBe(true);
      expect(manager.isLoaded('idle')).toBe(false);
      expect(manager.getPlugin(Db)).toBe(manager.getPlugin('db'));
      expect(
        manager.getAllPlugins().map((entry) => [entry.name, entry.state, entry.instance !== undefined]),
      ).toEqual([
        ['db', 'loaded', true],
        ['idle', 'registered', false],
      ]);
    });
  });

  describe('when logging', () => {
    it('should give each plugin a child logger bound to its name', async () => {
      const { logger, lines } = capture();
      @plugin({ name: 'talker' })
      class Talker {
        constructor(@inject(TOKENS.Logger) readonly log: Logger) {}
        start() {
          this.log.info('hello');
        }
      }
      manager = new PluginManager({ logger });
      manager.register(Talker);
      await manager.start();
      const hello = lines()
        .map((line) => JSON.parse(line) as { msg: string; plugin?: string })
        .find((entry) => entry.msg === 'hello');
      expect(hello?.plugin).toBe('talker');
    });

    it('should give plugins a working silent logger with logger: false', async () => {
      let log: Logger | undefined;
      manager = new PluginManager({ logger: false });
      manager.register(
        definePlugin({
          name: 'quiet',
          inject: { log: TOKENS.Logger },
          start() {
            log = this.log;
            this.log.info('nobody hears this');
            this.log.debug('nor this');
          },
        }),
      );
      await manager.start();
      expect(log?.level).toBe('silent');
    });

    it('should accept pino options', () => {
      manager = new PluginManager({ logger: { level: 'warn' } });
      expect(manager.container.get<Logger>(TOKENS.Logger).level).toBe('warn');
    });
  });
});
