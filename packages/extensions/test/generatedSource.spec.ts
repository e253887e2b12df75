import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { ExtensionRegistry } from '@trellis/extensions';

/** Every `new Function(...)` made while a test runs: its parameter names and body. */
let made: string[][] = [];
const RealFunction = globalThis.Function;

/**
 * Runs every dispatcher over a registry whose event, plugin and handler names come from `names`,
 * with compileAfter 0 so that every runner is generated, and returns the generated sources.
 */
async function generatedFor(names: { event: string; plugin: string; handler: string }): Promise<string[][]> {
  made = [];
  const registry = new ExtensionRegistry({ compileAfter: 0 });
  const event = `evil.${names.event}`;
  registry.on(event, (value: unknown) => value, { plugin: names.plugin, name: names.handler });
  registry.on(event, async (value: unknown) => Promise.resolve(value), {
    plugin: names.plugin,
    name: names.handler,
  });
  registry.on('evil.**', (value: unknown) => value, { plugin: names.plugin, name: `${names.handler}2` });
  registry.filter(event, 1);
  registry.notify(event, 1);
  registry.collect(event, 1);
  await registry.filterAsync(event, 1);
  await registry.notifyAsync(event, 1);
  await registry.collectAsync(event, 1);
  return made;
}

describe('generated dispatch source', () => {
  beforeEach(() => {
    globalThis.Function = new Proxy(RealFunction, {
      construct(target, args: string[]) {
        made.push([...args]);
        return Reflect.construct(target, args);
      },
    });
  });
  afterEach(() => {
    globalThis.Function = RealFunction;
  });

  describe('when event, plugin and handler names are hostile', () => {
    it('should generate exactly the source of benign names', async () => {
      const benign = await generatedFor({ event: 'event', plugin: 'plugin', handler: 'handler' });
      const hostile = await generatedFor({
        event: 'q\'uo"te`tick`${x}',
        plugin: 'p\'"`${process.exit(1)}\n*/ //',
        handler: 'h\'"`${x}\r\n*/ /*',
      });

      expect(benign.length).toBeGreaterThan(0);
      expect(hostile).toEqual(benign);
    });
  });
});
