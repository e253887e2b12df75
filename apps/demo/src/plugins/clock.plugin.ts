import { createToken, plugin } from '@trellis/core';

/** A source of time, provided to other plugins so tests can replace it. */
export interface Clock {
  now(): Date;
}

/** The token other plugins inject to get the clock. */
export const ClockToken = createToken<Clock>('demo.clock');

/** Provides the wall clock; plugins that inject {@link ClockToken} depend on it automatically. */
@plugin({
  name: 'clock',
  version: '1.0.0',
  description: 'Provides the current time to other plugins',
  provides: [{ token: ClockToken, useValue: { now: () => new Date() } }],
})
export class ClockPlugin {}
