import { TrellisError } from '@trellis/core';

/**
 * A plugin tried to unregister a service another plugin registered. Code `TRELLIS_SERVICE_NOT_OWNER`.
 */
export class ServiceNotOwnerError extends TrellisError {
  /** The code of every `ServiceNotOwnerError`. */
  static readonly CODE = 'TRELLIS_SERVICE_NOT_OWNER';

  readonly plugin: string;
  readonly owner: string;
  readonly id: string;

  constructor(options: { readonly plugin: string; readonly owner: string; readonly id: string }) {
    super(
      `Plugin '${options.plugin}' cannot unregister service ${options.id}: it was registered by plugin ` +
        `'${options.owner}'. A plugin unregisters only its own services (all of them go when it stops).`,
      { code: ServiceNotOwnerError.CODE },
    );
    this.plugin = options.plugin;
    this.owner = options.owner;
    this.id = options.id;
  }
}
