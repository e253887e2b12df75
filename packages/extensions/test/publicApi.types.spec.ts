/* eslint-disable @typescript-eslint/no-unused-vars, @typescript-eslint/no-meaningless-void-operator -- type-level cases: values exist only to be type-checked */
/**
 * Type-level tests of the public API: every `@ts-expect-error` below must be an error for
 * `tsc -p packages/extensions/tsconfig.json` (an unused one is an error too). The runtime part only
 * checks that the file loads.
 */
import { describe, expect, it } from '@jest/globals';
import {
  defineCollect,
  defineFilter,
  defineNotify,
  ExtensionRegistry,
  hook,
  type HookContext,
  TrellisError,
} from '@trellis/extensions';

interface Note {
  readonly title: string;
}

const BeforeSave = defineFilter<Note>('notes.before_save');
const Saved = defineNotify<Note>('notes.saved');
const Sizes = defineCollect<Note, number>('notes.sizes');

function filterHandlers(registry: ExtensionRegistry): void {
  registry.on(BeforeSave, (note) => ({ ...note, title: note.title.trim() }));
  registry.on(BeforeSave, () => undefined);
  // @ts-expect-error a filter handler must return the point's type (or undefined)
  registry.on(BeforeSave, (note) => note.title.length);
  // @ts-expect-error a filter handler gets the point's type
  registry.on(BeforeSave, (note: number) => note);
  // @ts-expect-error a collect handler returns the point's output type
  registry.on(Sizes, (note) => note.title);
  const kept: Note = registry.filter(BeforeSave, { title: 'a' });
  // @ts-expect-error a filter dispatch takes the point's type
  registry.filter(BeforeSave, 42);
  // @ts-expect-error a notify point is not a filter point
  registry.filter(Saved, { title: 'a' });
  void kept;
}

function errorCodes(error: unknown): void {
  if (TrellisError.is(error, 'TRELLIS_HOOK_TIMEOUT')) {
    const code: 'TRELLIS_HOOK_TIMEOUT' = error.code;
    void code;
  }
  const dynamic: string = String(error);
  TrellisError.is(error, dynamic);
  // @ts-expect-error an unknown literal code fails to compile
  TrellisError.is(error, 'TRELLIS_TYPO');
}

function contexts(ctx: HookContext): void {
  const kind: 'filter' | 'notify' | 'collect' | 'middleware' = ctx.kind;
  void kind;
  // @ts-expect-error internals are not part of the context
  void ctx.stopMark;
}

function kindsOption(registry: ExtensionRegistry): void {
  registry.on('notes.*', () => undefined, { kinds: ['notify', 'collect'] });
  // @ts-expect-error only dispatch kinds are accepted
  registry.on('notes.*', () => undefined, { kinds: ['broadcast'] });
}

// Decorated methods must fit the typed point.
export class Fitting {
  @hook(BeforeSave)
  trim(note: Note, _ctx: HookContext): Note {
    return { ...note, title: note.title.trim() };
  }

  @hook(Saved)
  audit(_note: Note): void {}

  @hook('notes.*')
  anything(_value: number): string {
    return '';
  }
}

export class Misfit {
  // @ts-expect-error the parameter does not fit the point's type
  @hook(BeforeSave)
  wrong(draft: number): number {
    return draft;
  }

  // @ts-expect-error the return type does not fit the point's type
  @hook(BeforeSave)
  wrongResult(note: Note): string {
    return note.title;
  }
}

describe('public API types', () => {
  describe('when the type-level cases are compiled', () => {
    it('should load (the checks are made by tsc)', () => {
      expect(
        [filterHandlers, errorCodes, contexts, kindsOption].every((fn) => typeof fn === 'function'),
      ).toBe(true);
    });
  });
});
