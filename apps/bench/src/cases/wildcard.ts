import type { BenchCase, Contender } from '../harness/types.js';
import { filterHandlers, type FilterFn } from './handlers.js';
import { filterChain } from './floors.js';
import { GATE_INPUTS, NO_WILDCARD, syncBench } from './common.js';
import { loadExtensions } from './trellisDispatch.js';

const EVENT = 'user.login';

/** Patterns that all match `user.login`, in the order their handlers must run. */
const MATCHING = [
  'user.*',
  'user.**',
  '*.login',
  'user.log*',
  '*.*',
  'u*.login',
  'user.{login,logout}',
  'user.?ogin',
  '**.login',
  '**',
];

/** Non-matching patterns, several sharing a prefix with the dispatched name. */
function nonMatchingPattern(index: number): string {
  switch (index % 5) {
    case 0:
      return `svc${index}.*`;
    case 1:
      return `user.x${index}*`;
    case 2:
      return `*.evt${index}`;
    case 3:
      return `svc${index}.**`;
    default:
      return `user.login.k${index}.*`;
  }
}

/**
 * Registrations of one case, in order: `total` entries of which `matching` handlers (at evenly spread
 * positions) match the dispatched name and the rest do not.
 */
export function wildcardLayout(total: number): { matching: number; order: ('match' | 'other')[] } {
  const matching = Math.min(total, MATCHING.length);
  const order: ('match' | 'other')[] = Array.from({ length: total }, () => 'other');
  for (let t = 0; t < matching; t++) order[Math.floor((t * total) / matching)] = 'match';
  return { matching, order };
}

async function trellisBench(total: number, useWildcards: boolean) {
  const { ExtensionRegistry, defineFilter } = await loadExtensions();
  const registry = new ExtensionRegistry();
  const point = defineFilter<number>(EVENT);
  const { matching, order } = wildcardLayout(total);
  const handlers = filterHandlers('sync', matching);
  const others = filterHandlers('sync', 1)[0] as FilterFn;
  let t = 0;
  order.forEach((slot, index) => {
    if (slot === 'match') {
      const handler = handlers[t] as FilterFn;
      registry.on(useWildcards ? (MATCHING[t] as string) : EVENT, handler);
      t++;
    } else {
      registry.on(useWildcards ? nonMatchingPattern(index) : `svc${index}.evt`, others);
    }
  });
  return syncBench((input) => registry.filter(point, input));
}

/** Filter dispatch of `user.login` with `total` registrations, by wildcard patterns or by exact names. */
export function wildcardCase(total: number): BenchCase {
  const { matching } = wildcardLayout(total);
  const na = (id: string, label: string): Contender => ({ id, label, na: NO_WILDCARD });
  return {
    id: `wildcard.${total}`,
    group: 'wildcard',
    title: `${total} registered (${matching} matching, ${total - matching} not)`,
    unit: 'ns',
    gateInputs: GATE_INPUTS,
    contenders: [
      {
        id: 'floor',
        label: 'hand-written (exact)',
        floor: true,
        load: () => Promise.resolve(syncBench(filterChain(filterHandlers('sync', matching)))),
      },
      {
        id: 'trellis-exact',
        label: 'Trellis exact names',
        note: 'the matching handlers on `user.login` itself, the others on other exact names',
        load: () => trellisBench(total, false),
      },
      {
        id: 'trellis-wildcard',
        label: 'Trellis wildcards',
        note: 'the matching handlers on patterns (`user.*`, `**.login`, ...), the others on non-matching patterns',
        load: () => trellisBench(total, true),
      },
      na('tapable', 'tapable'),
      na('hookable', 'hookable'),
      na('emittery', 'emittery'),
      na('eventemitter3', 'eventemitter3'),
      na('node-events', 'node:events'),
    ],
  };
}
