import { TrellisError } from '@trellis/core';
import { AdminError } from '../errors/AdminError.js';

/** The body of every admin error answer. */
export interface ErrorAnswer {
  readonly error: { readonly code: string; readonly message: string };
}

/** Maps anything thrown in a route to a status and `{ error: { code, message } }`, never a stack. */
export function toErrorAnswer(error: unknown): { status: number; body: ErrorAnswer } {
  if (error instanceof AdminError) {
    return { status: error.statusCode, body: { error: { code: error.code, message: error.message } } };
  }
  if (TrellisError.is(error, 'TRELLIS_PLUGIN_NOT_FOUND')) {
    return { status: 404, body: { error: { code: error.code, message: error.message } } };
  }
  const statusCode =
    typeof error === 'object' && error !== null && 'statusCode' in error ? Number(error.statusCode) : 500;
  const message = error instanceof Error ? error.message : 'request failed';
  if (statusCode === 413) {
    return {
      status: 413,
      body: {
        error: { code: 'TRELLIS_ADMIN_BODY_TOO_LARGE', message: `The request body is too large: ${message}` },
      },
    };
  }
  if (statusCode >= 400 && statusCode < 500) {
    return { status: statusCode, body: { error: { code: 'TRELLIS_ADMIN_BAD_REQUEST', message } } };
  }
  return {
    status: 500,
    body: {
      error: {
        code: 'TRELLIS_ADMIN_INTERNAL',
        message: 'The admin API failed to answer; the server log has the details.',
      },
    },
  };
}
