import fc from 'fast-check';
import { resolveOrder } from './resolveOrder.js';

const graphOf =
  (edges: Record<string, string[]>) =>
  (node: string): string[] =>
    edges[node] ?? [];

describe('resolveOrder', () => {
  describe('when there are no dependencies', () => {
    it('should keep the input order', () => {
      expect(resolveOrder(['c', 'a', 'b'], graphOf({})).order).toEqual(['c', 'a', 'b']);
    });
  });

  describe('when nodes depend on others', () => {
    it('should place dependencies first', () => {
      const result = resolveOrder(['a', 'b', 'c'], graphOf({ a: ['b'], b: ['c'] }));
      expect(result.order).toEqual(['c', 'b', 'a']);
    });

    it('should break ties by input order among nodes that are ready', () => {
      const result = resolveOrder(['a', 'b', 'c'], graphOf({ a: ['c'] }));
      expect(result.order).toEqual(['b', 'c', 'a']);
    });

    it('should ignore edges to unknown nodes and duplicate edges', () => {
      const result = resolveOrder(['a', 'b'], graphOf({ a: ['zzz', 'b', 'b'] }));
      expect(result.order).toEqual(['b', 'a']);
    });
  });

  describe('when there is a cycle', () => {
    it('should report a two-node cycle from the first node to what it depends on', () => {
      const result = resolveOrder(['a', 'b', 'c'], graphOf({ a: ['b'], b: ['a'] }));
      expect(result.order).toEqual(['c']);
      expect(result.cycles).toEqual([['a', 'b', 'a']]);
      expect(result.cycleOf.get('b')).toEqual(['a', 'b', 'a']);
    });

    it('should report a four-node cycle as a path', () => {
      const result = resolveOrder(['a', 'b', 'c', 'd'], graphOf({ a: ['b'], b: ['c'], c: ['d'], d: ['a'] }));
      expect(result.cycles).toEqual([['a', 'b', 'c', 'd', 'a']]);
    });

    it('should report a self-dependency', () => {
      expect(resolveOrder(['a'], graphOf({ a: ['a'] })).cycles).toEqual([['a', 'a']]);
    });

    it('should list nodes that depend on a cycle as blocked', () => {
      const result = resolveOrder(['x', 'a', 'b', 'y'], graphOf({ x: ['a'], a: ['b'], b: ['a'] }));
      expect(result.blocked).toEqual(['x']);
      expect(result.order).toEqual(['y']);
    });

    it('should report separate cycles separately', () => {
      const result = resolveOrder(['a', 'b', 'c', 'd'], graphOf({ a: ['b'], b: ['a'], c: ['d'], d: ['c'] }));
      expect(result.cycles).toEqual([
        ['a', 'b', 'a'],
        ['c', 'd', 'c'],
      ]);
    });
  });

  describe('when given random acyclic graphs', () => {
    const dag = fc.integer({ min: 1, max: 40 }).chain((size) =>
      fc.tuple(
        fc.constant(size),
        fc.array(fc.array(fc.nat({ max: 1000 }), { maxLength: 5 }), { minLength: size, maxLength: size }),
        fc.shuffledSubarray(
          Array.from({ length: size }, (_, index) => index),
          { minLength: size, maxLength: size },
        ),
      ),
    );
    const build = ([size, picks, registration]: [number, number[][], number[]]) => {
      // Node i only depends on smaller indexes, so the graph is acyclic.
      const edges: Record<string, string[]> = {};
      for (let index = 0; index < size; index++) {
        edges[`n${index}`] = index === 0 ? [] : (picks[index] ?? []).map((pick) => `n${pick % index}`);
      }
      return { nodes: registration.map((index) => `n${index}`), edges };
    };

    it('should place every node after all of its dependencies', () => {
      fc.assert(
        fc.property(dag, (input) => {
          const { nodes, edges } = build(input);
          const { order, cycles } = resolveOrder(nodes, graphOf(edges));
          const position = new Map(order.map((node, index) => [node, index]));
          expect(cycles).toEqual([]);
          expect([...order].sort()).toEqual([...nodes].sort());
          for (const node of nodes) {
            for (const dependency of edges[node] ?? []) {
              expect(position.get(dependency)).toBeLessThan(position.get(node) as number);
            }
          }
        }),
      );
    });

    it('should give the same order every time', () => {
      fc.assert(
        fc.property(dag, (input) => {
          const { nodes, edges } = build(input);
          expect(resolveOrder(nodes, graphOf(edges)).order).toEqual(
            resolveOrder(nodes, graphOf(edges)).order,
          );
        }),
      );
    });
  });
});
