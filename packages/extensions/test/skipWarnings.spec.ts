import { describe, expect, it } from '@jest/globals';
import { defineFilter, ExtensionRegistry, HookError, type RegistryWarning } from '@trellis/extensions';

const Save = defineFilter<string>('notes.before_save');
const veto = async (note: string): Promise<string> => Promise.resolve(`${note} (vetoed)`);

describe('skipped async handlers', () => {
  describe('when a synchronous dispatch skips an async handler', () => {
    it.each([Infinity, 0])(
      'should report the skip through onWarning, once per handler (compileAfter %p)',
      (compileAfter) => {
        const warnings: RegistryWarning[] = [];
        const registry = new ExtensionRegistry({
          compileAfter,
          onWarning: (warning) => void warnings.push(warning),
        });
        registry.on(Save, veto, { plugin: 'moderation' });

        expect(registry.filter(Save, 'n')).toBe('n');
        registry.filter(Save, 'n');

        expect(warnings).toEqual([
          {
            code: 'TRELLIS_ASYNC_HANDLER_SKIPPED',
            message: expect.stringMatching(
              /'veto' of plugin 'moderation' on 'notes\.before_save' is asynchronous/,
            ) as unknown as string,
            plugin: 'moderation',
            event: 'notes.before_save',
          },
        ]);
      },
    );

    it('should report a handler that returns a promise without being declared async', () => {
      const warnings: RegistryWarning[] = [];
      const registry = new ExtensionRegistry({ onWarning: (warning) => void warnings.push(warning) });
      registry.on('notes.saved', () => Promise.resolve(), { plugin: 'audit' });

      registry.notify('notes.saved', 'n');

      expect(warnings.map((warning) => warning.plugin)).toEqual(['audit']);
    });

    it('should survive an onWarning that throws', () => {
      const registry = new ExtensionRegistry({
        onWarning: () => {
          throw new Error('host bug');
        },
      });
      registry.on(Save, veto);
      expect(registry.filter(Save, 'n')).toBe('n');
    });
  });

  describe('when the registry is strict', () => {
    it.each([Infinity, 0])(
      'should make the skip a HookError for the error strategy (compileAfter %p)',
      (compileAfter) => {
        const failures: HookError[] = [];
        const registry = new ExtensionRegistry({ strict: true, compileAfter });
        registry.setOwnerErrorHandler('moderation', (error) => void failures.push(error));
        registry.on(Save, veto, { plugin: 'moderation' });
        registry.on(Save, (note) => `${note} saved`);

        expect(registry.filter(Save, 'n')).toBe('n saved');
        expect(registry.filter(Save, 'n')).toBe('n saved');

        expect(failures).toHaveLength(2);
        expect(failures[0]?.message).toMatch(/is asynchronous and was skipped by a synchronous dispatch/);
      },
    );

    it('should throw it under fail-fast', () => {
      const registry = new ExtensionRegistry({ strict: true, errorStrategy: 'fail-fast' });
      registry.on(Save, veto, { plugin: 'moderation' });

      expect(() => registry.filter(Save, 'n')).toThrow(HookError);
    });

    it('should fail a handler that returned a promise to a synchronous dispatch', () => {
      const registry = new ExtensionRegistry({ strict: true, errorStrategy: 'fail-fast' });
      registry.on('notes.saved', () => Promise.resolve(), { plugin: 'audit' });

      expect(() => {
        registry.notify('notes.saved', 'n');
      }).toThrow(/plugin 'audit'/);
      expect(() => {
        registry.notify('notes.saved', 'n');
      }).toThrow(HookError);
    });

    it('should still run async handlers through the async dispatchers', async () => {
      const registry = new ExtensionRegistry({ strict: true, errorStrategy: 'fail-fast' });
      registry.on(Save, veto);
      await expect(registry.filterAsync(Save, 'n')).resolves.toBe('n (vetoed)');
    });
  });
});
