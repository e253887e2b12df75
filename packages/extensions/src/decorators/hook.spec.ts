import { defineFilter } from '../points/defineFilter.js';
import { getHookDeclarations } from './getHookDeclarations.js';
import { hook } from './hook.js';

const BeforeSave = defineFilter<{ name: string }>('db.before_save');

/** Another legacy method decorator that wraps the method, as other libraries do. */
const logged: MethodDecorator = (_target, _key, descriptor) => descriptor;

describe('hook', () => {
  describe('when methods are decorated', () => {
    it('should record method, event, point and options in source order', () => {
      class Welcome {
        @hook('user.login', { priority: 'high' })
        greet(): void {}

        @hook(BeforeSave)
        check(): undefined {
          return undefined;
        }

        @hook('user.*')
        @logged
        @hook('admin.*', { plugin: 'ignored-by-core' })
        audit(): void {}
      }
      expect(getHookDeclarations(Welcome)).toEqual([
        { method: 'greet', event: 'user.login', point: undefined, options: { priority: 'high' } },
        { method: 'check', event: 'db.before_save', point: BeforeSave, options: {} },
        { method: 'audit', event: 'user.*', point: undefined, options: {} },
        { method: 'audit', event: 'admin.*', point: undefined, options: { plugin: 'ignored-by-core' } },
      ]);
    });

    it('should mark async methods so synchronous dispatchers skip them once bound', () => {
      class Worker {
        @hook('job.run')
        async run(): Promise<void> {}
      }
      expect(getHookDeclarations(Worker)[0]?.options).toEqual({ async: true });
    });

    it('should store its metadata only under the registered trellis.hooks symbol', () => {
      class Plain {
        @hook('a.b')
        handle(): void {}
      }
      expect(Object.getOwnPropertySymbols(Plain)).toEqual([Symbol.for('trellis.hooks')]);
      expect(Object.keys(Plain)).toEqual([]);
    });
  });

  describe('when classes inherit hooks', () => {
    it('should include the base declarations, letting a subclass replace them per method', () => {
      class Base {
        @hook('base.one')
        one(): void {}

        @hook('base.two')
        two(): void {}
      }
      class Derived extends Base {
        @hook('derived.two', { priority: 1 })
        override two(): void {}

        @hook('derived.three')
        three(): void {}
      }
      expect(getHookDeclarations(Derived).map((d) => [d.method, d.event])).toEqual([
        ['two', 'derived.two'],
        ['three', 'derived.three'],
        ['one', 'base.one'],
      ]);
      expect(getHookDeclarations(Base).map((d) => d.event)).toEqual(['base.one', 'base.two']);
    });

    it('should return nothing for a class without hooks', () => {
      expect(getHookDeclarations(class {})).toEqual([]);
    });
  });

  describe('when used wrongly', () => {
    it('should reject invalid event names and options at decoration time', () => {
      expect(() => hook('bad name')).toThrow(/Invalid event name/);
      expect(() => hook('ok.name', { priority: 'urgent' as never })).toThrow(/Invalid priority/);
      expect(() => hook('ok.name', { timeout: -1 })).toThrow(/Invalid timeout/);
    });

    it('should reject static methods', () => {
      expect(() => {
        class Static {
          @hook('a.b')
          static handle(): void {}
        }
        return Static;
      }).toThrow(/static method 'handle'/);
    });
  });
});
