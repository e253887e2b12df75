import { plugin } from '@trellis/core';

/** A plugin whose start fails, to show that one broken plugin does not take the host down. */
@plugin({ name: 'flaky', version: '0.1.0', description: 'Fails to start on purpose' })
export class FlakyPlugin {
  start(): void {
    throw new Error('could not reach the payment gateway');
  }
}

/** Depends on the flaky plugin, so it is failed with a dependency error and never instantiated. */
@plugin({ name: 'billing', version: '1.0.0', description: 'Needs the flaky plugin', dependencies: ['flaky'] })
export class BillingPlugin {}
