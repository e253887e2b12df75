import type { PluginType } from './PLUGIN_TYPES.js';
import type { TemplateNames } from './pluginSource.js';

const behaviour: Record<PluginType, (className: string) => string> = {
  basic: () => `  assert.deepEqual(host.trigger('user.login', { username: 'Ada' }), {
    username: 'Ada',
    greeting: 'Welcome, Ada!',
  });`,
  health: (
    className,
  ) => `  const result = await host.getPlugin(${className})!.checkHealth(new AbortController().signal);
  assert.equal(result.status, 'healthy');`,
  metrics: (className) => `  const instance = host.getPlugin(${className})!;
  instance.record();
  assert.deepEqual(Object.values(instance.collectMetrics()), [1]);`,
  http: (className) =>
    `  assert.deepEqual(host.getPlugin(${className})!.hello(), { hello: host.getRegisteredPlugins()[0] });`,
  events: (className) => `  const instance = host.getPlugin(${className})!;
  instance.handleEvent({ type: 'user.login', data: {} });
  assert.deepEqual(instance.seen, ['user.login']);`,
};

/** The source of `test/plugin.test.ts`: the plugin contract plus one test of what the plugin does. */
export function pluginTest(type: PluginType, names: TemplateNames): string {
  return `import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestHost, pluginContract } from '@trellis/testing';
import { ${names.className} } from '../src/index.js';

test('${names.name} meets the plugin contract', () => pluginContract(${names.className}));

test('${names.name} does its job', async () => {
  const host = await createTestHost({ plugins: [${names.className}] });
  try {
  ${behaviour[type](names.className).split('\n').join('\n  ')}
  } finally {
    await host.close();
  }
});
`;
}
