import { ExtensionRegistry, StopPropagation, type HookContext } from '@trellis/extensions';

const modes = [
  { name: 'plain loop', compileAfter: Infinity },
  { name: 'generated runner', compileAfter: 0 },
];

type Kind = 'filter' | 'notify' | 'collect';
type Form = 'sync' | 'async';
type StopStyle = 'ctx.stop()' | 'throw StopPropagation';

const cases: { kind: Kind; form: Form; style: StopStyle }[] = [];
for (const kind of ['filter', 'notify', 'collect'] as const) {
  for (const form of ['sync', 'async'] as const) {
    for (const style of ['ctx.stop()', 'throw StopPropagation'] as const) cases.push({ kind, form, style });
  }
}

const EVENT = 'reentry.event';

/** Dispatches `EVENT` with the given kind and form; always returns a promise of the result. */
const dispatch = (registry: ExtensionRegistry, kind: Kind, form: Form, input: number): Promise<unknown> => {
  if (form === 'sync') {
    if (kind === 'filter') return Promise.resolve(registry.filter(EVENT, input));
    if (kind === 'collect') return Promise.resolve(registry.collect(EVENT, input));
    registry.notify(EVENT, input);
    return Promise.resolve(undefined);
  }
  if (kind === 'filter') return registry.filterAsync(EVENT, input);
  if (kind === 'collect') return registry.collectAsync(EVENT, input);
  return registry.notifyAsync(EVENT, input);
};

describe.each(modes)('re-entrant stops ($name)', ({ compileAfter }) => {
  describe('when a handler re-enters its own event and the nested dispatch is stopped', () => {
    it.each(cases)(
      'should stop only the nested $kind ($form, $style) and finish the outer one',
      async ({ kind, form, style }) => {
        const registry = new ExtensionRegistry({ compileAfter });
        const ran: string[] = [];
        let depth = 0;
        let nested: Promise<unknown> | undefined;
        registry.on(
          EVENT,
          (value: number, ctx: HookContext) => {
            ran.push(`reenter@${depth}`);
            if (depth === 0) {
              depth++;
              nested = dispatch(registry, kind, form, 100);
              depth--;
              return value + 1;
            }
            if (style === 'throw StopPropagation') throw new StopPropagation('nested', value + 2);
            ctx.stop(value + 2);
            return undefined;
          },
          { priority: 'high' },
        );
        registry.on(EVENT, (value: number) => {
          ran.push(`later@${depth}`);
          return value * 10;
        });

        const outer = await dispatch(registry, kind, form, 1);

        expect(ran).toEqual(['reenter@0', 'reenter@1', 'later@0']);
        const expected = {
          filter: { nested: 102, outer: 20 },
          notify: { nested: undefined, outer: undefined },
          collect: { nested: [102], outer: [2, 10] },
        }[kind];
        await expect(nested).resolves.toEqual(expected.nested);
        expect(outer).toEqual(expected.outer);
      },
    );

    it('should still stop the outer run when the handler stops it after the nested dispatch', () => {
      const registry = new ExtensionRegistry({ compileAfter });
      const ran: string[] = [];
      let depth = 0;
      registry.on(
        EVENT,
        (value: number, ctx: HookContext) => {
          ran.push(`reenter@${depth}`);
          if (depth > 0) {
            ctx.stop(-1);
            return undefined;
          }
          depth++;
          const inner = registry.filter(EVENT, 100);
          depth--;
          ctx.stop(inner + value);
          return undefined;
        },
        { priority: 'high' },
      );
      registry.on(EVENT, () => void ran.push(`later@${depth}`));
      expect(registry.filter(EVENT, 1)).toBe(0);
      expect(ran).toEqual(['reenter@0', 'reenter@1']);
    });

    it('should keep the stop value the outer run gave before the nested dispatch stopped with another', async () => {
      const registry = new ExtensionRegistry({ compileAfter });
      let depth = 0;
      registry.on(
        EVENT,
        (value: number, ctx: HookContext) => {
          if (depth > 0) {
            ctx.stop('inner');
            return undefined;
          }
          ctx.stop('outer');
          depth++;
          const inner = registry.collect(EVENT, value);
          depth--;
          expect(inner).toEqual(['inner']);
          return undefined;
        },
        { priority: 'high' },
      );
      registry.on(EVENT, () => 'later');
      expect(registry.collect(EVENT, 1)).toEqual(['outer']);
      await expect(registry.collectAsync(EVENT, 1)).resolves.toEqual(['outer']);
    });
  });

  describe('when a handler re-enters its own event and the nested run calls ctx.stop() then fails', () => {
    it('should count the nested run as failed and leave the outer dispatch running', async () => {
      const registry = new ExtensionRegistry({ compileAfter });
      const ran: string[] = [];
      let depth = 0;
      registry.on(
        EVENT,
        (value: number, ctx: HookContext) => {
          ran.push(`reenter@${depth}`);
          if (depth > 0) {
            ctx.stop(value);
            throw new Error('nested failure');
          }
          depth++;
          registry.notify(EVENT, value);
          depth--;
          return undefined;
        },
        { priority: 'high' },
      );
      registry.on(EVENT, () => void ran.push(`later@${depth}`));
      registry.notify(EVENT, 1);
      expect(ran).toEqual(['reenter@0', 'reenter@1', 'later@1', 'later@0']);
      ran.length = 0;
      await registry.notifyAsync(EVENT, 1);
      expect(ran).toEqual(['reenter@0', 'reenter@1', 'later@1', 'later@0']);
    });
  });
});
