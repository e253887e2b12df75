import type { BenchCase } from '../harness/types.js';

const contenders = (): Promise<typeof import('./diContenders.js')> => import('./diContenders.js');

/** Resolving a plugin class with five injected dependencies. */
export function diCase(): BenchCase {
  return {
    id: 'di.resolve',
    group: 'di',
    title: 'resolve a plugin with 5 injected dependencies',
    unit: 'ns',
    gateInputs: [0, 1, 42, -5],
    contenders: [
      {
        id: 'floor',
        label: 'hand-wired new',
        floor: true,
        load: async () => (await contenders()).handWired(),
      },
      {
        id: 'inversify',
        label: 'raw inversify',
        note: 'container.get() of a transient class; dependencies bound as 2 constants, 2 singleton classes, 1 singleton factory',
        load: async () => (await contenders()).rawInversify(),
      },
      {
        id: 'trellis',
        label: 'Trellis ctx.get()',
        note: "ctx.get() of the same transient class from the manager's container; dependencies provided by 5 plugins (useValue x2, useClass x2, useFactory)",
        load: async () => (await contenders()).trellisResolve(),
      },
      {
        id: 'trellis-load',
        label: 'Trellis load()',
        note: 'manager.load() of the class registered as a plugin (unload untimed): resolution plus context, logger, hook scan, lifecycle event',
        load: async () => (await contenders()).trellisLoad(),
      },
    ],
  };
}
