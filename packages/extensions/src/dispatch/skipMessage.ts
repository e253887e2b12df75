import type { Registration } from '../registry/Registration.js';

/** Why a synchronous dispatch skipped an async handler, and how to fix it. */
export const skipMessage = (reg: Registration, event: string): string =>
  `Handler '${reg.name}'${reg.plugin === undefined ? '' : ` of plugin '${reg.plugin}'`} on '${event}' is ` +
  `asynchronous and was skipped by a synchronous dispatch; use the …Async dispatcher (or make the handler ` +
  `synchronous), or define the point with mode: 'sync' or 'async' to have the mistake reported at once.`;
