import fc from 'fast-check';
import { ExtensionRegistry } from '@trellis/extensions';

/** Whether a segment pattern (only `*` as wildcard) matches one segment: written independently of minimatch. */
function segmentMatches(pattern: string, segment: string): boolean {
  if (pattern === '') return segment === '';
  if (pattern.startsWith('*')) {
    for (let cut = 0; cut <= segment.length; cut++)
      if (segmentMatches(pattern.slice(1), segment.slice(cut))) return true;
    return false;
  }
  return segment.startsWith(pattern[0]!) && segmentMatches(pattern.slice(1), segment.slice(1));
}

/**
 * The documented semantics: `**` (a whole segment) matches zero or more segments, except that a
 * trailing `**` needs at least one; `*` stays within a segment.
 */
function namesMatch(pattern: readonly string[], name: readonly string[]): boolean {
  if (pattern.length === 0) return name.length === 0;
  const [head, ...rest] = pattern;
  if (head === '**') {
    if (rest.length === 0) return name.length >= 1;
    for (let skip = 0; skip <= name.length; skip++) if (namesMatch(rest, name.slice(skip))) return true;
    return false;
  }
  return name.length > 0 && segmentMatches(head!, name[0]!) && namesMatch(rest, name.slice(1));
}

const matchesVia = (pattern: string, name: string): boolean => {
  const registry = new ExtensionRegistry();
  registry.on(pattern, () => undefined);
  return registry.hasHandlers(name);
};

describe('wildcard registrations', () => {
  describe('when the documented examples are dispatched', () => {
    it.each([
      ['user.*', 'user.login', true],
      ['user.*', 'user.profile.update', false],
      ['user.*', 'user', false],
      ['db.before_*', 'db.before_save', true],
      ['db.before_*', 'db.after_save', false],
      ['user.**', 'user.login', true],
      ['user.**', 'user.profile.update', true],
      ['user.**', 'user', false],
      ['**', 'anything.at.all', true],
      ['a.**.z', 'a.z', true],
      ['a.**.z', 'a.b.c.z', true],
      ['user.{login,logout}', 'user.logout', true],
      ['user.{login,logout}', 'user.signup', false],
      ['user.log?n', 'user.login', true],
      ['user.log?n', 'user.logn', false],
      ['*.login', 'admin.login', true],
      ['http/api.*', 'http/api.get', true],
      ['http/api.*', 'http.api.get', false],
    ])('should match %s against %s: %s', (pattern, name, expected) => {
      expect(matchesVia(pattern, name)).toBe(expected);
    });
  });

  describe('when a dispatch name contains wildcard characters', () => {
    it('should treat it literally', () => {
      const registry = new ExtensionRegistry();
      const ran: string[] = [];
      registry.on('user.login', () => void ran.push('exact'));
      registry.on('user.*', () => void ran.push('pattern'));
      registry.notify('user.*');
      expect(ran).toEqual(['pattern']);
    });
  });

  describe('when a pattern is registered after its names were dispatched', () => {
    it('should apply to those names from then on, and stop when removed', () => {
      const registry = new ExtensionRegistry();
      const ran: string[] = [];
      registry.notify('order.created');
      registry.notify('order.deleted');
      const off = registry.on('order.*', (_p: unknown, ctx) => void ran.push(ctx.event));
      registry.notify('order.created');
      registry.notify('invoice.created');
      off();
      registry.notify('order.deleted');
      expect(ran).toEqual(['order.created']);
    });
  });

  describe('when many patterns are registered', () => {
    it('should run only the matching ones', () => {
      const registry = new ExtensionRegistry();
      const ran: number[] = [];
      for (let index = 0; index < 200; index++) registry.on(`ns${index}.*.evt`, () => void ran.push(index));
      registry.notify('ns42.x.evt');
      registry.notify('ns42.x.evt');
      expect(ran).toEqual([42, 42]);
    });
  });

  describe('when names and patterns are generated (property)', () => {
    it('should agree with an independent matcher', () => {
      const segment = fc.constantFrom('a', 'b', 'ab', 'ba', 'abc');
      const patternSegment = fc.constantFrom('a', 'b', 'ab', '*', '**', 'a*', '*b', '*a*');
      fc.assert(
        fc.property(
          fc.array(patternSegment, { minLength: 1, maxLength: 5 }),
          fc.array(segment, { minLength: 1, maxLength: 5 }),
          (pattern, name) => {
            const registry = new ExtensionRegistry();
            let ran = false;
            registry.on(pattern.join('.'), () => {
              ran = true;
            });
            registry.notify(name.join('.'));
            expect(ran).toBe(namesMatch(pattern, name));
          },
        ),
        { numRuns: 1000 },
      );
    });
  });
});

describe('plan cache', () => {
  describe('when more distinct names are dispatched than plans are kept', () => {
    it('should evict old plans and still dispatch every name correctly', () => {
      const registry = new ExtensionRegistry();
      let count = 0;
      registry.on('many.*', () => {
        count++;
      });
      for (let index = 0; index < 10_050; index++) registry.notify(`many.n${index}`);
      registry.notify('many.n0');
      expect(count).toBe(10_051);
    });
  });
});
