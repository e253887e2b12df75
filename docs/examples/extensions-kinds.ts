import assert from 'node:assert/strict';
import { ExtensionRegistry, defineFilter, defineNotify, type HookContext } from '@trellis/extensions';

const BeforeSave = defineFilter<{ title: string }>('notes.before_save');
const Saved = defineNotify<{ title: string }>('notes.saved');
const registry = new ExtensionRegistry();

// An audit handler on a wildcard, meant for notify events only.
const audit: string[] = [];
registry.on(
  'notes.*',
  (_payload: unknown, ctx: HookContext) => {
    audit.push(`${ctx.kind} ${ctx.event}`);
  },
  { kinds: ['notify'] },
);

// It never joins the filter chain of notes.before_save (without `kinds` it would)...
assert.deepEqual(registry.filter(BeforeSave, { title: 'Draft' }), { title: 'Draft' });
// ...and runs for the notify event.
registry.notify(Saved, { title: 'Draft' });
assert.deepEqual(audit, ['notify notes.saved']);
