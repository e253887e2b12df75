import type { RegistryOptions } from '@trellis/extensions';
import type { ThroughputBench } from '../harness/types.js';
import { filterHandlers, notifyHandlers, type HandlerKind, type NotifyState } from './handlers.js';
import { asyncBench, syncBench, type DispatchApi } from './common.js';

/** Loaded lazily so a child process pays for (and profiles) only what its case uses. */
export async function loadExtensions(): Promise<typeof import('@trellis/extensions')> {
  return import('@trellis/extensions');
}

export interface TrellisDispatchOptions {
  readonly api: DispatchApi;
  readonly kind: HandlerKind;
  readonly count: number;
  /** Event name of the point; unique per case. */
  readonly event: string;
  /** Registry options (the ablation cases switch code generation with `compileAfter`). */
  readonly registry?: RegistryOptions;
}

export async function trellisFilterBench(options: TrellisDispatchOptions): Promise<ThroughputBench> {
  const { ExtensionRegistry, defineFilter } = await loadExtensions();
  const registry = new ExtensionRegistry(options.registry);
  const point = defineFilter<number>(options.event);
  for (const handler of filterHandlers(options.kind, options.count)) registry.on(point, handler);
  return options.api === 'sync'
    ? syncBench((input) => registry.filter(point, input))
    : asyncBench((input) => registry.filterAsync(point, input));
}

export async function trellisNotifyBench(options: TrellisDispatchOptions): Promise<ThroughputBench> {
  const { ExtensionRegistry, defineNotify } = await loadExtensions();
  const registry = new ExtensionRegistry(options.registry);
  const point = defineNotify<number>(options.event);
  const state: NotifyState = { acc: 0 };
  for (const handler of notifyHandlers(options.kind, options.count, state)) registry.on(point, handler);
  if (options.api === 'sync') {
    return syncBench((input) => {
      state.acc = 0;
      registry.notify(point, input);
      return state.acc;
    });
  }
  return asyncBench(async (input) => {
    state.acc = 0;
    await registry.notifyAsync(point, input);
    return state.acc;
  });
}
