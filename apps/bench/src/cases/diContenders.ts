/*
 * The DI contenders and their classes, imported only by the processes that run them (inversify takes
 * 90 ms to import, which every other child process would pay for nothing).
 */
import 'reflect-metadata';
import { Container, inject, injectable, type ServiceIdentifier } from 'inversify';
import type { LatencyBench } from '../harness/types.js';
import { syncBench } from './common.js';
import { loadCore } from './lifecycle.js';

/** The five injected services; `Symbol.for` ids, the same tokens `createToken` gives in Trellis. */
const T1 = Symbol.for('bench.di.dep1');
const T2 = Symbol.for('bench.di.dep2');
const T3 = Symbol.for('bench.di.dep3');
const T4 = Symbol.for('bench.di.dep4');
const T5 = Symbol.for('bench.di.dep5');

export class Dep {
  constructor(readonly id: number) {}
}

@injectable()
class Dep3 extends Dep {
  constructor() {
    super(3);
  }
}

@injectable()
class Dep4 extends Dep {
  constructor() {
    super(4);
  }
}

/** The plugin being resolved: five constructor injections of the binding kinds plugins provide. */
@injectable()
export class Consumer {
  constructor(
    @inject(T1) readonly d1: Dep,
    @inject(T2) readonly d2: Dep,
    @inject(T3) readonly d3: Dep,
    @inject(T4) readonly d4: Dep,
    @inject(T5) readonly d5: Dep,
  ) {}

  /** Proves every dependency arrived, in its place. */
  digest(input: number): number {
    return (
      (input + this.d1.id + 10 * this.d2.id + 100 * this.d3.id + 1_000 * this.d4.id + 10_000 * this.d5.id) | 0
    );
  }
}

/** The same class for the load() row, where Trellis registers it as a plugin (decorated lazily). */
@injectable()
class ConsumerPlugin extends Consumer {
  constructor(
    @inject(T1) d1: Dep,
    @inject(T2) d2: Dep,
    @inject(T3) d3: Dep,
    @inject(T4) d4: Dep,
    @inject(T5) d5: Dep,
  ) {
    super(d1, d2, d3, d4, d5);
  }
}

export function handWired() {
  const [d1, d2, d3, d4, d5] = [new Dep(1), new Dep(2), new Dep3(), new Dep4(), new Dep(5)];
  return syncBench((input) => new Consumer(d1, d2, d3, d4, d5).digest(input));
}

/** Raw inversify: two constant values, two singleton classes, one singleton factory; Consumer transient. */
export function rawInversify() {
  const container = new Container();
  container.bind(T1).toConstantValue(new Dep(1));
  container.bind(T2).toConstantValue(new Dep(2));
  container.bind(T3).to(Dep3).inSingletonScope();
  container.bind(T4).to(Dep4).inSingletonScope();
  container
    .bind(T5)
    .toDynamicValue(() => new Dep(5))
    .inSingletonScope();
  container.bind(Consumer).toSelf();
  return syncBench((input) => container.get(Consumer).digest(input));
}

/** Five provider plugins with the same binding kinds: useValue x2, useClass x2, useFactory. */
async function providerPlugins() {
  const { definePlugin } = await loadCore();
  return [
    definePlugin({ name: 'dep1', provides: [{ token: T1, useValue: new Dep(1) }] }),
    definePlugin({ name: 'dep2', provides: [{ token: T2, useValue: new Dep(2) }] }),
    definePlugin({ name: 'dep3', provides: [{ token: T3, useClass: Dep3 }] }),
    definePlugin({ name: 'dep4', provides: [{ token: T4, useClass: Dep4 }] }),
    definePlugin({ name: 'dep5', provides: [{ token: T5, useFactory: () => new Dep(5) }] }),
  ];
}

/**
 * Trellis resolution: a plugin resolves Consumer through its context (`ctx.get`), from the manager's
 * container where the host bound Consumer (transient) and the five plugins bound what they provide.
 */
export async function trellisResolve() {
  const { PluginManager, definePlugin } = await loadCore();
  const manager = new PluginManager({ logger: false });
  manager.container.bind(Consumer).toSelf();
  let get: (<T>(token: ServiceIdentifier<T>) => T) | undefined;
  const host = definePlugin({
    name: 'host',
    dependencies: ['dep1', 'dep2', 'dep3', 'dep4', 'dep5'],
    initialize(ctx) {
      get = (token) => ctx.get(token);
    },
  });
  manager.register([...(await providerPlugins()), host]);
  const report = await manager.loadAll();
  if (report.failed.length > 0 || !get)
    throw new Error(`load failed: ${report.failed.map((f) => f.name).join(', ')}`);
  const resolve = get;
  return { ...syncBench((input) => resolve(Consumer).digest(input)), dispose: () => manager.close() };
}

/** Trellis load(): the whole per-plugin path (resolve, context, logger, hooks, events); unload untimed. */
export async function trellisLoad(): Promise<LatencyBench> {
  const { PluginManager, plugin } = await loadCore();
  plugin({ name: 'consumer' })(ConsumerPlugin);
  const manager = new PluginManager({ logger: false });
  manager.register([...(await providerPlugins()), ConsumerPlugin]);
  const report = await manager.loadAll();
  if (report.failed.length > 0)
    throw new Error(`load failed: ${report.failed.map((f) => f.name).join(', ')}`);
  const once = async (input: number) => (await manager.load<ConsumerPlugin>('consumer')).digest(input);
  const prepare = () => manager.unload('consumer');
  return {
    kind: 'latency',
    prepare,
    run: once,
    check: async (input) => {
      await prepare();
      return once(input);
    },
    dispose: () => manager.close(),
  };
}
