import assert from 'node:assert/strict';
import {
  ExtensionRegistry,
  HookError,
  ValidationError,
  defineFilter,
  defineNotify,
  type RegistryWarning,
} from '@trellis/extensions';

// A sync point refuses async handlers at registration, with the fix in the message.
const Veto = defineFilter<{ text: string; refused?: boolean }>('notes.veto', { mode: 'sync' });
const registry = new ExtensionRegistry();
assert.throws(
  () =>
    registry.on(Veto, async (note) => ({ ...note, refused: await Promise.resolve(true) }), {
      plugin: 'moderation',
    }),
  ValidationError,
);

// An async point must be dispatched with the …Async API.
const Saved = defineNotify<string>('notes.saved', { mode: 'async' });
registry.on(Saved, async (id) => {
  await Promise.resolve(id); // e.g. index the note
});
assert.throws(() => {
  registry.notify(Saved, 'n1');
}, /use registry\.notifyAsync\(\)/);
await registry.notifyAsync(Saved, 'n1');

// Without a mode, a sync dispatch skips async handlers: each skip reaches onWarning (no logger needed)...
const warnings: RegistryWarning[] = [];
const lenient = new ExtensionRegistry({ onWarning: (warning) => void warnings.push(warning) });
const Title = defineFilter<string>('page.title');
lenient.on(Title, async (title) => `${await Promise.resolve(title)}!`, { plugin: 'shouty' });
assert.equal(lenient.filter(Title, 'Hi'), 'Hi');
assert.deepEqual(
  warnings.map(({ code, plugin, event }) => ({ code, plugin, event })),
  [{ code: 'TRELLIS_ASYNC_HANDLER_SKIPPED', plugin: 'shouty', event: 'page.title' }],
);

// ...and with strict: true each skip is a HookError for the error strategy.
const strict = new ExtensionRegistry({ strict: true, errorStrategy: 'fail-fast' });
strict.on(Title, async (title) => `${await Promise.resolve(title)}!`, { plugin: 'shouty' });
assert.throws(() => strict.filter(Title, 'Hi'), HookError);
