import fc from 'fast-check';
import { PluginManager, definePlugin } from '../src/index.js';

/** A random DAG: node i depends on some of the nodes before it; registered in a shuffled order. */
const randomDag = fc.integer({ min: 1, max: 25 }).chain((size) =>
  fc.record({
    dependencies: fc.tuple(
      ...Array.from({ length: size }, (_, index) =>
        index === 0
          ? fc.constant<number[]>([])
          : fc.uniqueArray(fc.nat({ max: index - 1 }), { maxLength: 4 }),
      ),
    ),
    registration: fc.shuffledSubarray(
      Array.from({ length: size }, (_, index) => index),
      { minLength: size, maxLength: size },
    ),
  }),
);

async function run(graph: { dependencies: number[][]; registration: number[] }) {
  const starts: string[] = [];
  const stops: string[] = [];
  const manager = new PluginManager({ logger: false });
  manager.register(
    graph.registration.map((index) =>
      definePlugin({
        name: `p${index}`,
        dependencies: (graph.dependencies[index] ?? []).map((dependency) => `p${dependency}`),
        start: () => void starts.push(`p${index}`),
        stop: () => void stops.push(`p${index}`),
      }),
    ),
  );
  const report = await manager.start();
  await manager.close();
  return { report, starts, stops };
}

describe('PluginManager ordering', () => {
  describe('when plugins form a random dependency graph', () => {
    it('should start every plugin after its dependencies and stop in exact reverse', async () => {
      await fc.assert(
        fc.asyncProperty(randomDag, async (graph) => {
          const { report, starts, stops } = await run(graph);
          expect(report.failed).toEqual([]);
          expect(report.started).toEqual(starts);
          const position = new Map(starts.map((name, index) => [name, index]));
          graph.dependencies.forEach((dependencies, index) => {
            for (const dependency of dependencies) {
              expect(position.get(`p${dependency}`)).toBeLessThan(position.get(`p${index}`) as number);
            }
          });
          expect(stops).toEqual([...starts].reverse());
        }),
        { numRuns: 60 },
      );
    });

    it('should choose the same order on every run', async () => {
      await fc.assert(
        fc.asyncProperty(randomDag, async (graph) => {
          expect((await run(graph)).starts).toEqual((await run(graph)).starts);
        }),
        { numRuns: 30 },
      );
    });
  });
});
