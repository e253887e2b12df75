import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { compareIds, parseReadReply } from './StreamEntry.js';

describe('compareIds', () => {
  describe('when given two stream ids', () => {
    it('should order them as Redis does: by time, then by sequence', () => {
      fc.assert(
        fc.property(
          fc.bigInt({ min: 0n, max: 2n ** 48n }),
          fc.bigInt({ min: 0n, max: 2n ** 40n }),
          fc.bigInt({ min: 0n, max: 2n ** 48n }),
          fc.bigInt({ min: 0n, max: 2n ** 40n }),
          (am, as, bm, bs) => {
            const expected = am === bm ? Math.sign(Number(as - bs)) : Math.sign(Number(am - bm));
            expect(Math.sign(compareIds(`${String(am)}-${String(as)}`, `${String(bm)}-${String(bs)}`))).toBe(
              expected,
            );
          },
        ),
      );
      expect(compareIds('123-9', '123-10')).toBeLessThan(0);
    });
  });
});

describe('parseReadReply', () => {
  describe('when the reply is nested or flattened', () => {
    it('should read the same entries, and skip unreadable events', () => {
      const entries = [
        ['1-0', ['e', '{"type":"a.b","id":"x"}']],
        ['2-0', ['e', 'not json']],
      ];
      for (const reply of [[['s', entries]], ['s', entries]]) {
        const parsed = parseReadReply(reply);
        expect(parsed.map((entry) => entry.id)).toEqual(['1-0', '2-0']);
        expect(parsed[0]?.event?.type).toBe('a.b');
        expect(parsed[1]?.event).toBeUndefined();
      }
      expect(parseReadReply(null)).toEqual([]);
    });
  });
});
