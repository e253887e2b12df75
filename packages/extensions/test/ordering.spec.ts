import fc from 'fast-check';
import { defineFilter, ExtensionRegistry, PRIORITIES } from '@trellis/extensions';

describe('ExtensionRegistry ordering', () => {
  describe('when handlers have different priorities', () => {
    it('should run higher priorities first', () => {
      const registry = new ExtensionRegistry();
      const order: string[] = [];
      registry.on('order.test', () => void order.push('low'), { priority: 'low' });
      registry.on('order.test', () => void order.push('highest'), { priority: 'highest' });
      registry.on('order.test', () => void order.push('normal'));
      registry.on('order.test', () => void order.push('ten'), { priority: 10 });
      registry.on('order.test', () => void order.push('high'), { priority: 'high' });
      registry.on('order.test', () => void order.push('lowest'), { priority: 'lowest' });
      registry.on('order.test', () => void order.push('negative'), { priority: -5 });
      registry.notify('order.test', undefined);
      expect(order).toEqual(['highest', 'high', 'normal', 'low', 'ten', 'lowest', 'negative']);
    });

    it('should map the named priorities to 100, 75, 50, 25 and 0', () => {
      expect(PRIORITIES).toEqual({ highest: 100, high: 75, normal: 50, low: 25, lowest: 0 });
    });
  });

  describe('when handlers share a priority', () => {
    it('should keep registration order', () => {
      const registry = new ExtensionRegistry();
      const order: number[] = [];
      for (let index = 0; index < 5; index++)
        registry.on('order.same', () => void order.push(index), { priority: 7 });
      registry.notify('order.same', undefined);
      expect(order).toEqual([0, 1, 2, 3, 4]);
    });
  });

  describe('when exact and wildcard handlers both match', () => {
    it('should merge them into one order by priority, then registration', () => {
      const registry = new ExtensionRegistry();
      const order: string[] = [];
      registry.on('user.login', () => void order.push('exact-normal'));
      registry.on('user.*', () => void order.push('wild-high'), { priority: 'high' });
      registry.on('user.**', () => void order.push('globstar-normal'));
      registry.on('user.login', () => void order.push('exact-low'), { priority: 'low' });
      registry.on('*.login', () => void order.push('wild-low'), { priority: 'low' });
      registry.notify('user.login', undefined);
      expect(order).toEqual(['wild-high', 'exact-normal', 'globstar-normal', 'exact-low', 'wild-low']);
    });
  });

  describe('when an invalid priority is given', () => {
    it('should throw a ValidationError naming the valid ones', () => {
      const registry = new ExtensionRegistry();
      expect(() => registry.on('a.b', () => undefined, { priority: 'urgent' as never })).toThrow(
        expect.objectContaining({
          code: 'TRELLIS_VALIDATION',
          message: expect.stringContaining("'highest'"),
        }),
      );
      expect(() => registry.on('a.b', () => undefined, { priority: Number.NaN })).toThrow(/Invalid priority/);
    });
  });

  describe('when random handler sets are registered (property)', () => {
    it('should equal the sequential composition of the handlers sorted by priority desc, then registration', () => {
      const handlerArb = fc.record({
        priority: fc.oneof(
          fc.integer({ min: -3, max: 3 }),
          fc.constantFrom('low' as const, 'normal' as const),
        ),
        mul: fc.integer({ min: 1, max: 5 }),
        add: fc.integer({ min: -9, max: 9 }),
        skip: fc.boolean(),
      });
      fc.assert(
        fc.property(
          fc.array(handlerArb, { maxLength: 12 }),
          fc.integer({ min: -100, max: 100 }),
          fc.nat(2),
          (specs, input, compileAfter) => {
            const registry = new ExtensionRegistry({
              compileAfter: [0, 1, Infinity][compileAfter] ?? 0,
              errorStrategy: 'fail-fast',
            });
            const point = defineFilter<number>('prop.filter');
            const fns = specs.map(
              (spec) => (value: number) => (spec.skip ? undefined : value * spec.mul + spec.add),
            );
            specs.forEach((spec, index) => registry.on(point, fns[index]!, { priority: spec.priority }));
            const numeric = (priority: number | 'low' | 'normal'): number =>
              priority === 'low' ? 25 : priority === 'normal' ? 50 : priority;
            const expected = specs
              .map((spec, index) => ({ spec, index }))
              .sort((a, b) => numeric(b.spec.priority) - numeric(a.spec.priority) || a.index - b.index)
              .reduce((value, { index }) => fns[index]!(value) ?? value, input);
            expect(registry.filter(point, input)).toBe(expected);
            expect(registry.filter(point, input)).toBe(expected);
          },
        ),
        { numRuns: 300 },
      );
    });

    it('should give the same result through filterAsync', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(
            fc.record({
              priority: fc.integer({ min: 0, max: 3 }),
              add: fc.integer({ min: 1, max: 9 }),
              async: fc.boolean(),
            }),
            {
              maxLength: 8,
            },
          ),
          async (specs) => {
            const registry = new ExtensionRegistry({ errorStrategy: 'fail-fast' });
            specs.forEach((spec) =>
              registry.on(
                'prop.async',
                spec.async
                  ? async (value: string) => `${value}${spec.add}`
                  : (value: string) => `${value}${spec.add}`,
                { priority: spec.priority },
              ),
            );
            const expected = specs
              .map((spec, index) => ({ spec, index }))
              .sort((a, b) => b.spec.priority - a.spec.priority || a.index - b.index)
              .reduce((value, { spec }) => `${value}${spec.add}`, '');
            await expect(registry.filterAsync('prop.async', '')).resolves.toBe(expected);
          },
        ),
        { numRuns: 100 },
      );
    });
  });
});
