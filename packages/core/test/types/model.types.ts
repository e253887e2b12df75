/* eslint-disable @typescript-eslint/no-meaningless-void-operator,
   @typescript-eslint/no-unnecessary-type-parameters -- type-level tests: values exist to be typed */
/*
 * Type-level tests of tokens, injections, error codes and plugin states: checked by the compiler
 * (see test/typeTests.spec.ts). Each `@ts-expect-error` must be an error, every other line must not.
 */
import {
  ERROR_CODES,
  PluginManager,
  TOKENS,
  TrellisError,
  createToken,
  definePlugin,
  type CoreErrorCode,
  type PluginState,
  type Token,
} from '../../src/index.js';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const assertType = <T extends true>(): T => true as T;

interface Clock {
  now(): number;
}
interface Mailer {
  send(to: string): void;
}
const ClockToken: Token<Clock> = createToken<Clock>('types.clock');

// Injecting a Token<Clock> gives a Clock, which cannot be used as a Mailer.
export const Injecting = definePlugin({
  name: 'injecting',
  inject: { clock: ClockToken, manager: TOKENS.Manager },
  start() {
    const clock: Clock = this.clock;
    // @ts-expect-error a Token<Clock> injects a Clock, not a Mailer
    const mailer: Mailer = this.clock;
    assertType<Equal<typeof this.manager, PluginManager>>();
    void clock;
    void mailer;
  },
});

export function errorCodes(error: unknown): void {
  if (TrellisError.is(error, 'TRELLIS_PLUGIN_LOAD'))
    assertType<Equal<typeof error.code, 'TRELLIS_PLUGIN_LOAD'>>();
  if (TrellisError.is(error, 'TRELLIS_LIFECYCLE_REENTRY')) void error.code;
  // @ts-expect-error not a Trellis error code (misspelt)
  TrellisError.is(error, 'TRELLIS_PLUGIN_LOADED');
  // @ts-expect-error ERROR_CODES holds core codes only
  const unknownCode: (typeof ERROR_CODES)[number] = 'TRELLIS_NOPE';
  const code: CoreErrorCode = 'TRELLIS_PLUGIN_STATE';
  void unknownCode;
  void code;
}

export function states(manager: PluginManager): void {
  const state: PluginState = manager.getState('x');
  const reloading: PluginState = 'reloading';
  // @ts-expect-error not a plugin state
  const running: PluginState = 'running';
  void state;
  void reloading;
  void running;
}
