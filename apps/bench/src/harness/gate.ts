import { inspect, isDeepStrictEqual } from 'node:util';
import type { Bench, BenchCase, Contender } from './types.js';

export type GateOutcome = { readonly ok: true } | { readonly ok: false; readonly message: string };

async function outputs(bench: Bench, inputs: readonly number[]): Promise<unknown[]> {
  const results: unknown[] = [];
  for (const input of inputs) {
    const output = bench.kind === 'throughput' && !bench.check ? bench.run(input) : bench.check?.(input);
    results.push(output instanceof Promise ? await output : output);
  }
  return results;
}

/** The loader of the case's hand-written floor. */
export function floorOf(benchCase: BenchCase): () => Promise<Bench> {
  const floor = benchCase.contenders.find((contender) => contender.floor === true);
  if (!floor?.load) throw new Error(`case ${benchCase.id} has no runnable floor contender`);
  return floor.load.bind(floor);
}

/**
 * The equivalence gate: a fresh instance of the contender must give, input by input, the same outputs
 * as a fresh instance of the hand-written floor, so no contender is timed doing less (or other) work.
 */
export async function runGate(benchCase: BenchCase, contender: Contender): Promise<GateOutcome> {
  if (!contender.load) return { ok: false, message: `${contender.id} is not runnable` };
  const loadFloor = floorOf(benchCase);
  const [reference, candidate] = [await loadFloor(), await contender.load()];
  try {
    const expected = await outputs(reference, benchCase.gateInputs);
    const actual = await outputs(candidate, benchCase.gateInputs);
    for (let i = 0; i < expected.length; i++) {
      if (!isDeepStrictEqual(actual[i], expected[i])) {
        const input = String(benchCase.gateInputs[i]);
        return {
          ok: false,
          message: `input ${input}: expected ${inspect(expected[i])} (floor), got ${inspect(actual[i])}`,
        };
      }
    }
    return { ok: true };
  } finally {
    await reference.dispose?.();
    await candidate.dispose?.();
  }
}
