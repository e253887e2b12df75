import { TrellisError } from '@trellis/core';

/**
 * The registry was used while the services plugin was not running (before its `initialize` or after
 * it stopped). Code `TRELLIS_SERVICES_NOT_READY`.
 */
export class ServicesNotReadyError extends TrellisError {
  /** The code of every `ServicesNotReadyError`. */
  static readonly CODE = 'TRELLIS_SERVICES_NOT_READY';

  readonly plugin: string;

  constructor(plugin: string, operation: string) {
    super(
      `Plugin '${plugin}' called ${operation}() while 'trellis.services' is not running. Register ` +
        `ServicesPlugin with the host and use the registry between your plugin's initialize() and stop().`,
      { code: ServicesNotReadyError.CODE },
    );
    this.plugin = plugin;
  }
}
