import { defineFilter, ExtensionRegistry, StopPropagation } from '@trellis/extensions';

const modes = [
  { name: 'plain loop', compileAfter: Infinity },
  { name: 'generated runner', compileAfter: 0 },
];

describe.each(modes)('stop propagation ($name)', ({ compileAfter }) => {
  const setup = (): { registry: ExtensionRegistry; ran: string[] } => ({
    registry: new ExtensionRegistry({ compileAfter }),
    ran: [],
  });
  const point = defineFilter<number>('stop.filter');

  describe('when a handler throws StopPropagation without a value', () => {
    it('should skip later handlers and return the value so far', () => {
      const { registry, ran } = setup();
      registry.on(point, (value) => value + 1);
      registry.on(point, () => {
        ran.push('stopper');
        throw new StopPropagation('enough');
      });
      registry.on(point, (value) => {
        ran.push('later');
        return value * 100;
      });
      expect(registry.filter(point, 1)).toBe(2);
      expect(ran).toEqual(['stopper']);
    });
  });

  describe('when a handler throws StopPropagation with a value', () => {
    it('should return the given value', async () => {
      const { registry } = setup();
      registry.on(point, (value) => value + 1);
      registry.on(point, () => {
        throw new StopPropagation('replace', 42);
      });
      registry.on(point, (value) => value * 100);
      expect(registry.filter(point, 1)).toBe(42);
      await expect(registry.filterAsync(point, 1)).resolves.toBe(42);
    });
  });

  describe('when a handler calls ctx.stop()', () => {
    it('should apply its return value and stop', () => {
      const { registry, ran } = setup();
      registry.on(point, (value, ctx) => {
        ctx.stop();
        return value + 5;
      });
      registry.on(point, () => void ran.push('later'));
      expect(registry.filter(point, 1)).toBe(6);
      expect(ran).toEqual([]);
    });

    it('should keep the current value when it returns undefined', () => {
      const { registry } = setup();
      registry.on(point, (value) => value + 1);
      registry.on(point, (_value, ctx) => {
        ctx.stop();
        return undefined;
      });
      registry.on(point, (value) => value * 100);
      expect(registry.filter(point, 1)).toBe(2);
    });
  });

  describe('when a handler calls ctx.stop(value) and also returns a value', () => {
    it('should return the stop value (the return value is ignored)', () => {
      const { registry } = setup();
      registry.on(point, (value, ctx) => {
        ctx.stop(99);
        return value + 5;
      });
      expect(registry.filter(point, 1)).toBe(99);
    });
  });

  describe('when an async handler calls ctx.stop after an await', () => {
    it('should stop the asynchronous dispatch', async () => {
      const { registry, ran } = setup();
      registry.on(point, async (value, ctx) => {
        await Promise.resolve();
        ctx.stop(value + 1000);
        return undefined;
      });
      registry.on(point, () => void ran.push('later'));
      await expect(registry.filterAsync(point, 1)).resolves.toBe(1001);
      expect(ran).toEqual([]);
    });

    it('should not leak the stop into other dispatches in flight', async () => {
      const { registry } = setup();
      registry.on(point, async (value, ctx) => {
        await Promise.resolve();
        if (value === 1) ctx.stop();
        return value;
      });
      registry.on(point, (value) => value * 10);
      const [stopped, normal] = await Promise.all([
        registry.filterAsync(point, 1),
        registry.filterAsync(point, 2),
      ]);
      expect(stopped).toBe(1);
      expect(normal).toBe(20);
    });
  });

  describe('when collecting and a handler stops', () => {
    it('should add its stop value (or result) and return what was collected', () => {
      const { registry } = setup();
      registry.on('stop.collect', () => 'a');
      registry.on('stop.collect', (_input: unknown, ctx) => {
        ctx.stop('b');
        return 'ignored';
      });
      registry.on('stop.collect', () => 'c');
      expect(registry.collect('stop.collect')).toEqual(['a', 'b']);
    });
  });

  describe('when notifying and a handler stops', () => {
    it('should skip later handlers', async () => {
      const { registry, ran } = setup();
      registry.on('stop.notify', () => {
        throw new StopPropagation();
      });
      registry.on('stop.notify', () => void ran.push('later'));
      registry.notify('stop.notify');
      await registry.notifyAsync('stop.notify');
      expect(ran).toEqual([]);
    });
  });

  describe('when a StopPropagation comes from another copy of the package', () => {
    it('should be recognised by its marker', () => {
      const { registry } = setup();
      registry.on(point, () => {
        const foreign = Object.assign(new Error('stop'), {
          code: 'TRELLIS_STOP_PROPAGATION',
          value: 7,
          hasValue: true,
        });
        Object.defineProperty(foreign, Symbol.for('trellis.error'), { value: true });
        throw foreign;
      });
      expect(registry.filter(point, 1)).toBe(7);
    });
  });
});
