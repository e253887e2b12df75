import type { Measurement } from './types.js';

/** What a child process sends back to the runner over IPC. */
export type ChildMessage =
  | { readonly status: 'ok'; readonly measurement: Measurement }
  | { readonly status: 'gate-failed' | 'error'; readonly reason: string };

export function isChildMessage(value: unknown): value is ChildMessage {
  return typeof value === 'object' && value !== null && 'status' in value;
}
