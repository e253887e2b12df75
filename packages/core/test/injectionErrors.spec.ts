import { Container } from 'inversify';
import { DependencyError, PluginManager, createToken, inject, optional, plugin } from '../src/index.js';

interface NoteStore {
  save(text: string): void;
}
const NoteStoreToken = createToken<NoteStore>('notes.store');

describe('Injection mistakes', () => {
  let manager: PluginManager;
  afterEach(async () => {
    await manager.close();
  });

  describe('when a plugin injects a token nobody provides or binds', () => {
    it('should fail it with DependencyError before any constructor runs', async () => {
      const constructed: string[] = [];
      @plugin({ name: 'notes' })
      class Notes {
        constructor(@inject(NoteStoreToken) readonly store: NoteStore) {
          constructed.push('notes');
        }
      }
      manager = new PluginManager({ logger: false });
      manager.register(Notes);
      const report = await manager.start();
      const error = report.failed[0]?.error;
      expect(error).toBeInstanceOf(DependencyError);
      expect(error?.code).toBe('TRELLIS_DEPENDENCY_MISSING');
      expect(error?.message).toContain(
        "plugin 'notes' injects 'notes.store', which no registered plugin provides and the host did not bind: " +
          'register the plugin that provides it, or bind it in the host container',
      );
      expect(constructed).toEqual([]);
    });

    it('should check property injections too', async () => {
      @plugin({ name: 'notes' })
      class Notes {
        @inject(NoteStoreToken) store!: NoteStore;
      }
      manager = new PluginManager({ logger: false });
      manager.register(Notes);
      const report = await manager.start();
      expect(report.failed[0]?.error.message).toMatch(/injects 'notes\.store'.*property 'store' of Notes/);
    });

    it('should accept an optional injection and a token the host bound', async () => {
      const host = new Container();
      host.bind(NoteStoreToken).toConstantValue({ save: () => undefined });
      const Missing = createToken<string>('notes.missing');
      @plugin({ name: 'notes' })
      class Notes {
        constructor(
          @inject(NoteStoreToken) readonly store: NoteStore,
          @inject(Missing) @optional() readonly missing: string | undefined,
        ) {}
      }
      manager = new PluginManager({ logger: false, container: host });
      manager.register(Notes);
      expect((await manager.start()).started).toEqual(['notes']);
      expect(manager.getPlugin(Notes)?.missing).toBeUndefined();
    });
  });

  describe('when a constructor parameter typed by an interface has no @inject', () => {
    it('should say to add @inject(token)', async () => {
      @plugin({ name: 'notes' })
      class Notes {
        constructor(readonly store: NoteStore) {}
      }
      manager = new PluginManager({ logger: false });
      manager.register(Notes);
      const error = (await manager.start()).failed[0]?.error;
      expect(error).toBeInstanceOf(DependencyError);
      expect(error?.message).toMatch(
        /constructor parameter #0 of Notes has no @inject\(token\).*Add @inject\(token\)/,
      );
      expect(error?.message).not.toMatch(/emitDecoratorMetadata/);
    });
  });
});
