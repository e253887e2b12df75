import type * as Extensions from '@trellis/extensions';

/**
 * A fixed workload over every dispatcher with generated runners requested from the first dispatch
 * (`compileAfter: 0`): values, stops, failures under each strategy, sync and async handlers. Returns
 * a JSON-able summary, so that a run in a process that forbids code generation can be compared with
 * one that allows it.
 */
export async function runCodegenScenario(ext: typeof Extensions): Promise<unknown> {
  const out: unknown[] = [];
  const summary = (error: unknown): unknown =>
    error instanceof ext.HookAggregateError
      ? { aggregate: error.errors.map((e) => e.message), value: error.value }
      : error instanceof Error
        ? { error: error.message }
        : { error: String(error) };
  for (const strategy of ext.ERROR_STRATEGIES) {
    for (const size of [1, 3, 20]) {
      const registry = new ext.ExtensionRegistry({ compileAfter: 0, errorStrategy: strategy });
      const Filter = ext.defineFilter<number>('gen.filter');
      const Notify = ext.defineNotify<number>('gen.notify');
      const Collect = ext.defineCollect<number, number>('gen.collect');
      const seen: string[] = [];
      for (let k = 0; k < size; k++) {
        registry.on(Filter, (value) => (k === 1 ? undefined : value * 2 + k), { priority: k % 3 });
        registry.on(Notify, (value, ctx) => {
          seen.push(`${ctx.event}:${k}:${value}`);
          if (k === 2) throw new Error(`notify ${k}`);
        });
        registry.on(Collect, (value, ctx) => {
          if (k === size - 1 && size > 3) ctx.stop(value + 1000);
          return value + k;
        });
      }
      registry.on(Filter, async (value) => Promise.resolve(value + 0.5), { priority: 'lowest' });
      for (let round = 0; round < 3; round++) {
        for (const run of [
          () => registry.filter(Filter, round),
          () => registry.filterAsync(Filter, round),
          () => {
            registry.notify(Notify, round);
            return seen.splice(0);
          },
          async () => {
            await registry.notifyAsync(Notify, round);
            return seen.splice(0);
          },
          () => registry.collect(Collect, round),
          () => registry.collectAsync(Collect, round),
        ]) {
          try {
            out.push(await run());
          } catch (error) {
            out.push(summary(error));
          }
        }
      }
    }
  }
  return out;
}
