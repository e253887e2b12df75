import assert from 'node:assert/strict';
import {
  ExtensionRegistry,
  HookAggregateError,
  HookError,
  PLUGIN_ERROR_EVENT,
  type PluginErrorPayload,
  defineFilter,
} from '@trellis/extensions';

const Slug = defineFilter<string>('post.slug');
const broken = (): string => {
  throw new Error('dictionary missing');
};

// log-and-continue (the default): log, tell the owner, notify trellis.plugin.error, go on.
const errors: string[] = [];
const logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: (obj: object) => {
    errors.push(String((obj as { plugin?: string }).plugin));
  },
};
const registry = new ExtensionRegistry({ logger });
const owned: HookError[] = [];
registry.setOwnerErrorHandler('spellcheck', (error) => {
  owned.push(error);
});
const reports: PluginErrorPayload[] = [];
registry.on(PLUGIN_ERROR_EVENT, (payload: PluginErrorPayload) => {
  reports.push(payload);
});

registry.on(Slug, (title) => title.toLowerCase());
registry.on(Slug, broken, { plugin: 'spellcheck' });
registry.on(Slug, (title) => title.replaceAll(' ', '-'), { priority: 'low' });

assert.equal(registry.filter(Slug, 'Hello World'), 'hello-world');
assert.deepEqual(errors, ['spellcheck']);
assert.equal(owned[0]?.plugin, 'spellcheck');
assert.equal(reports[0]?.event, 'post.slug');
assert.ok(owned[0].cause instanceof Error);

// fail-fast: the first failure throws a HookError; later handlers do not run.
assert.throws(
  () => registry.filter(Slug, 'Hello World', { errorStrategy: 'fail-fast' }),
  (error: unknown) =>
    error instanceof HookError && error.plugin === 'spellcheck' && error.event === 'post.slug',
);

// collect-all: every handler runs, then one HookAggregateError carries all failures and the value.
try {
  registry.filter(Slug, 'Hello World', { errorStrategy: 'collect-all' });
  assert.fail('expected a HookAggregateError');
} catch (error) {
  assert.ok(error instanceof HookAggregateError);
  assert.equal(error.errors.length, 1);
  assert.equal(error.value, 'hello-world');
}
