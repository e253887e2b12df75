import type { Registration } from './Registration.js';

/** Dispatch order: higher priority first, then registration order. */
export const byDispatchOrder = (a: Registration, b: Registration): number =>
  b.priority - a.priority || a.seq - b.seq;
