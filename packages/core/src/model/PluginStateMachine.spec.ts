import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { PluginStateError } from '../errors/PluginStateError.js';
import type { PluginMetadata } from '../plugins/PluginOptions.js';
import { PluginRecord } from './PluginRecord.js';
import type { PluginState } from './PluginState.js';
import { PluginStateMachine, type StateListener } from './PluginStateMachine.js';
import { STATE_TRANSITIONS } from './STATE_TRANSITIONS.js';

const STATES = Object.keys(STATE_TRANSITIONS) as PluginState[];

function record(name = 'db'): PluginRecord {
  return new PluginRecord({
    name,
    seq: 0,
    cls: class {},
    meta: { name, version: '1.0.0' } as PluginMetadata,
    injected: [],
  });
}

function machine(): { machine: PluginStateMachine; moves: string[] } {
  const moves: string[] = [];
  const listener: StateListener = {
    entered: (entry, from, to) => {
      moves.push(`${entry.name}:${from}->${to}`);
      return undefined;
    },
  };
  return { machine: new PluginStateMachine(listener), moves };
}

describe('PluginStateMachine', () => {
  describe('when a move is not in the table', () => {
    it('should throw PluginStateError naming the plugin, its state and the move, and change nothing', () => {
      const { machine: states, moves } = machine();
      const db = record();
      expect(() => states.transition(db, 'started')).toThrow(PluginStateError);
      expect(() => states.transition(db, 'started')).toThrow(
        "Internal error: plugin 'db' cannot go from 'registered' to 'started' (transition registered -> started",
      );
      expect(db.state).toBe('registered');
      expect(moves).toEqual([]);
    });
  });

  describe('when random moves are tried', () => {
    it('should apply exactly the legal ones, announce each, and derive started and the start order', () => {
      fc.assert(
        fc.property(fc.array(fc.tuple(fc.nat(2), fc.constantFrom(...STATES)), { maxLength: 60 }), (steps) => {
          const { machine: states, moves } = machine();
          const records = [record('a'), record('b'), record('c')];
          const order: PluginRecord[] = [];
          let announced = 0;
          for (const [index, to] of steps) {
            const target = records[index] as PluginRecord;
            const from = target.state;
            if (STATE_TRANSITIONS[from].includes(to)) {
              void states.transition(target, to);
              announced++;
              expect(target.state).toBe(to);
              if (from === 'started') order.splice(order.indexOf(target), 1);
              if (to === 'started') order.push(target);
              if (to === 'disabled')
                expect(target.stateBeforeDisable).toBe(from === 'disabled' ? 'registered' : from);
            } else {
              expect(() => states.transition(target, to)).toThrow(PluginStateError);
              expect(target.state).toBe(from);
            }
            expect(target.started).toBe(target.state === 'started');
          }
          expect(moves).toHaveLength(announced);
          expect([...states.started]).toEqual(order);
        }),
        { numRuns: 200 },
      );
    });
  });

  describe('when the table is compared with the diagram in docs/architecture.md', () => {
    it('should list the same moves', () => {
      const text = readFileSync(new URL('../../../../docs/architecture.md', import.meta.url), 'utf8');
      const diagram = /```mermaid\nstateDiagram-v2\n([\s\S]*?)```/.exec(text)?.[1] ?? '';
      const drawn = [...diagram.matchAll(/^\s*(\w+) --> (\w+)/gm)]
        .filter((match) => match[1] !== undefined && match[1] !== '[*]')
        .map((match) => `${match[1]} -> ${match[2]}`)
        .sort();
      const listed = STATES.flatMap((from) => STATE_TRANSITIONS[from].map((to) => `${from} -> ${to}`)).sort();
      expect(drawn).toEqual(listed);
    });
  });
});
