import { TrellisError } from '@trellis/core';

/**
 * `register()` or `discover()` was given something the registry cannot take: no name, a malformed
 * URL, tags that are not strings, metadata that is not JSON. Code `TRELLIS_SERVICE_INVALID`.
 */
export class ServiceValidationError extends TrellisError {
  /** The code of every `ServiceValidationError`. */
  static readonly CODE = 'TRELLIS_SERVICE_INVALID';

  /** The plugin that made the call. */
  readonly plugin: string;

  constructor(message: string, options: { readonly plugin: string }) {
    super(message, { code: ServiceValidationError.CODE });
    this.plugin = options.plugin;
  }
}
