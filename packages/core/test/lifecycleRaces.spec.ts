import fc from 'fast-check';
import { PluginManager, TrellisError, definePlugin } from '../src/index.js';

/**
 * Model-based test of concurrent lifecycle calls: random batches of start/stop/load/unload/reload/
 * close/loadAll are fired without awaiting each other; once a batch has settled, what the plugins'
 * own code observed must agree with the manager.
 */

const NAMES = ['a', 'b', 'c', 'd'] as const;
type Name = (typeof NAMES)[number];
/** c → b → a; d stands alone. */
const DEPENDENCIES: Record<Name, Name[]> = { a: [], b: ['a'], c: ['b'], d: [] };
const DEPENDENTS: Record<Name, Name[]> = { a: ['b', 'c'], b: ['c'], c: [], d: [] };

interface Instance {
  readonly id: number;
  readonly name: Name;
  starts: number;
  stops: number;
}

type Operation =
  | { readonly op: 'start' | 'stop' | 'close' | 'loadAll' }
  | { readonly op: 'load' | 'unload' | 'reload'; readonly name: Name };

const turn = (): Promise<void> =>
  new Promise((resolve) => {
    setImmediate(resolve);
  });

function createHost(): { manager: PluginManager; instances: Map<number, Instance> } {
  const instances = new Map<number, Instance>();
  let next = 0;
  const manager = new PluginManager({ logger: false });
  for (const name of NAMES) {
    manager.register(
      definePlugin({
        name,
        dependencies: DEPENDENCIES[name],
        async initialize(this: { record?: Instance }) {
          const record: Instance = { id: ++next, name, starts: 0, stops: 0 };
          instances.set(record.id, record);
          this.record = record;
          await turn();
        },
        async start(this: { record: Instance }) {
          await turn();
          this.record.starts++;
        },
        async stop(this: { record: Instance }) {
          this.record.stops++;
          await turn();
        },
        hooks: [
          {
            on: 'ping',
            handler(this: { record: Instance }, seen: number[]) {
              return [...seen, this.record.id];
            },
          },
        ],
      }),
    );
  }
  return { manager, instances };
}

function call(manager: PluginManager, operation: Operation): Promise<unknown> {
  switch (operation.op) {
    case 'start':
      return manager.start();
    case 'stop':
      return manager.stop();
    case 'close':
      return manager.close();
    case 'loadAll':
      return manager.loadAll();
    case 'load':
      return manager.load(operation.name);
    case 'unload':
      return manager.unload(operation.name);
    case 'reload':
      return manager.reload(operation.name);
  }
}

const operation: fc.Arbitrary<Operation> = fc.oneof(
  fc.constantFrom<Operation>({ op: 'start' }, { op: 'stop' }, { op: 'close' }, { op: 'loadAll' }),
  fc.record({
    op: fc.constantFrom('load' as const, 'unload' as const, 'reload' as const),
    name: fc.constantFrom(...NAMES),
  }),
);

function currentOf(manager: PluginManager, name: Name): Instance | undefined {
  return manager.getPlugin<{ record?: Instance }>(name)?.record;
}

function checkAgreement(manager: PluginManager, instances: Map<number, Instance>): void {
  const status = new Map(manager.status().map((row) => [row.name, row.state]));
  for (const name of NAMES) {
    const state = manager.getState(name);
    expect(status.get(name)).toBe(state);
    const current = currentOf(manager, name);
    // Every instance but the current one has been stopped as often as started.
    for (const instance of instances.values()) {
      if (instance.name !== name || instance === current) continue;
      expect(instance.starts).toBe(instance.stops);
    }
    if (state === 'started') {
      expect(current?.starts).toBe((current?.stops ?? 0) + 1);
    } else if (current !== undefined) {
      expect(current.starts).toBe(current.stops);
    }
    if (!manager.isLoaded(name)) {
      for (const dependent of DEPENDENTS[name])
        expect([dependent, manager.isLoaded(dependent)]).toEqual([dependent, false]);
    }
  }
  // Only current instances answer hooks, at most one per plugin.
  const answered = manager.trigger<number[]>('ping', []);
  const expected = NAMES.map((name) => currentOf(manager, name)?.id).filter((id) => id !== undefined);
  expect([...answered].sort((x, y) => x - y)).toEqual(expected.sort((x, y) => x - y));
}

describe('PluginManager lifecycle under concurrent calls', () => {
  describe('when random batches of operations run without awaiting each other', () => {
    it('should keep plugin code, states, hooks and dependencies in agreement after each batch', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.array(operation, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 5 }),
          async (batches) => {
            const { manager, instances } = createHost();
            try {
              for (const batch of batches) {
                const outcomes = await Promise.allSettled(batch.map((entry) => call(manager, entry)));
                for (const outcome of outcomes) {
                  if (outcome.status === 'fulfilled') continue;
                  // Failures are Trellis errors of the plugins, never an internal state error.
                  expect(TrellisError.is(outcome.reason)).toBe(true);
                  expect((outcome.reason as TrellisError).code).not.toBe('TRELLIS_PLUGIN_STATE');
                }
                checkAgreement(manager, instances);
              }
            } finally {
              await manager.close();
            }
            for (const instance of instances.values()) expect(instance.starts).toBe(instance.stops);
          },
        ),
        { numRuns: 60 },
      );
    });
  });
});
