import assert from 'node:assert/strict';
import { ExtensionRegistry, defineFilter, getHookDeclarations, hook } from '@trellis/extensions';

const BeforeSave = defineFilter<{ name: string; slug?: string }>('db.before_save');

class SlugPlugin {
  @hook(BeforeSave, { priority: 'high' })
  addSlug(doc: { name: string; slug?: string }) {
    return { ...doc, slug: doc.name.toLowerCase().replaceAll(' ', '-') };
  }

  @hook('db.*')
  async audit(): Promise<void> {}
}

// @hook only records metadata; the plugin host binds each method and registers it.
const declarations = getHookDeclarations(SlugPlugin);
assert.deepEqual(
  declarations.map(({ method, event, options }) => ({ method, event, options })),
  [
    { method: 'addSlug', event: 'db.before_save', options: { priority: 'high' } },
    { method: 'audit', event: 'db.*', options: { async: true } },
  ],
);

const registry = new ExtensionRegistry();
const instance = new SlugPlugin();
for (const { method, event, point, options } of declarations) {
  const handler = (instance[method as keyof SlugPlugin] as (...args: never[]) => unknown).bind(instance);
  registry.on(point ?? event, handler, { ...options, plugin: 'slugs' });
}
assert.deepEqual(registry.filter(BeforeSave, { name: 'Hello World' }), {
  name: 'Hello World',
  slug: 'hello-world',
});
