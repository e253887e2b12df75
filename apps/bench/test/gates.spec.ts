import { allCases } from '../src/cases/index.js';
import { runGate } from '../src/harness/gate.js';

// The equivalence gates of every case, without timings: each runnable contender must give the
// hand-written floor's outputs for the case's inputs, so no contender is timed doing less work.
describe('benchmark equivalence gates', () => {
  for (const benchCase of allCases()) {
    describe(`when the case is ${benchCase.id}`, () => {
      for (const contender of benchCase.contenders) {
        if (contender.na !== undefined) continue;
        it(`should give the floor's outputs with ${contender.id}`, async () => {
          const outcome = await runGate(benchCase, contender);
          expect(outcome).toEqual({ ok: true });
        }, 120_000);
      }
    });
  }
});

describe('runGate', () => {
  describe('when a contender skips one handler', () => {
    it('should fail with the first differing input', async () => {
      const [filter10] = allCases().filter((benchCase) => benchCase.id === 'filter.sync.sync.10');
      const { filterChain } = await import('../src/cases/floors.js');
      const { filterHandlers } = await import('../src/cases/handlers.js');
      const lazy = {
        id: 'lazy',
        label: 'lazy',
        load: () => {
          const run = filterChain(filterHandlers('sync', 9));
          return Promise.resolve({ kind: 'throughput' as const, async: false, run });
        },
      };
      const outcome = await runGate(filter10!, lazy);
      expect(outcome.ok).toBe(false);
    });
  });
});
