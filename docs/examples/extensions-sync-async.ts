import assert from 'node:assert/strict';
import { ExtensionRegistry, defineFilter } from '@trellis/extensions';

const warnings: string[] = [];
const logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: (_obj: object, msg?: string) => {
    warnings.push(msg ?? '');
  },
  error: () => undefined,
};
const Title = defineFilter<string>('page.title');
const registry = new ExtensionRegistry({ logger });

registry.on(Title, (title) => title.trim());
const siteName = (): Promise<string> => Promise.resolve('Docs');
registry.on(Title, async (title) => `${title} | ${await siteName()}`); // declared async

// Synchronous dispatchers skip async handlers (one warning per handler)...
assert.equal(registry.filter(Title, '  Intro '), 'Intro');
assert.equal(registry.filter(Title, 'Setup'), 'Setup');
assert.equal(warnings.length, 1);

// ...the …Async forms run both kinds, in order. Sync handlers run at once, without a promise each.
const pending = registry.filterAsync(Title, '  Intro ');
assert.equal(await pending, 'Intro | Docs');
