import assert from 'node:assert/strict';
import { PluginBase, PluginManager, TOKENS, definePlugin, plugin } from '@trellis/core';

// Without decorators: `inject` entries become properties, and `this` is the instance.
const Counter = definePlugin({
  name: 'counter',
  version: '1.0.0',
  inject: { log: TOKENS.Logger },
  hooks: [
    {
      on: 'page.view',
      handler(value) {
        const view = value as { path: string; count?: number };
        this.log.debug({ path: view.path }, 'counted');
        return { ...view, count: (view.count ?? 0) + 1 };
      },
    },
  ],
  start() {
    this.log.info('counter started');
  },
});

// PluginBase gives ctx, logger, getConfig() and hook helpers from initialize() on.
@plugin({ name: 'greeter', config: { greeting: { type: 'string', default: 'Hello' } } })
class Greeter extends PluginBase {
  initialize(): void {
    this.registerHook('page.view', (view: { path: string; greeting?: string }) => ({
      ...view,
      greeting: this.getConfig('greeting', 'Hello'),
    }));
  }
}

const manager = new PluginManager({ logger: false, config: { greeter: { greeting: 'Hi' } } });
manager.register([Counter, Greeter]);
await manager.start();

assert.deepEqual(manager.trigger('page.view', { path: '/' }), { path: '/', count: 1, greeting: 'Hi' });
assert.equal(manager.getPlugin(Greeter)?.ctx.name, 'greeter');

await manager.close();
