import { TrellisError } from '@trellis/core';

/** Options of {@link ServiceVetoedError}. */
export interface ServiceVetoedErrorOptions {
  /** The plugin that asked to register. */
  readonly plugin: string;
  /** The service's name. */
  readonly service: string;
  /** The plugin whose `service.pre_register` handler refused, when known. */
  readonly vetoedBy: string | undefined;
  /** Why: the message of what the handler threw. */
  readonly reason: string;
  /** What the handler threw. */
  readonly cause: unknown;
}

/**
 * A `service.pre_register` handler refused a registration by throwing; `register()` rejects with
 * this error and nothing is registered. Code `TRELLIS_SERVICE_VETOED`.
 */
export class ServiceVetoedError extends TrellisError {
  /** The code of every `ServiceVetoedError`. */
  static readonly CODE = 'TRELLIS_SERVICE_VETOED';

  readonly plugin: string;
  readonly service: string;
  readonly vetoedBy: string | undefined;
  /** The handler's reason. */
  readonly reason: string;

  constructor(options: ServiceVetoedErrorOptions) {
    super(
      `Service '${options.service}' of plugin '${options.plugin}' was refused by the service.pre_register ` +
        `handler${options.vetoedBy === undefined ? '' : ` of plugin '${options.vetoedBy}'`}: ${options.reason}`,
      { code: ServiceVetoedError.CODE, cause: options.cause },
    );
    this.plugin = options.plugin;
    this.service = options.service;
    this.vetoedBy = options.vetoedBy;
    this.reason = options.reason;
  }
}
