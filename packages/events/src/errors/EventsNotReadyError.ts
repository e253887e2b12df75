import { TrellisError } from '@trellis/core';

/**
 * The bus was used while the events plugin was not running: before its `initialize` or after it
 * stopped. Code `TRELLIS_EVENTS_NOT_READY`.
 */
export class EventsNotReadyError extends TrellisError {
  /** The code of every `EventsNotReadyError`. */
  static readonly CODE = 'TRELLIS_EVENTS_NOT_READY';

  /** The plugin that made the call. */
  readonly plugin: string;

  constructor(plugin: string, operation: string) {
    super(
      `Plugin '${plugin}' called ${operation}() while 'trellis.events' is not running. Register ` +
        `EventsPlugin with the host and use the bus between your plugin's initialize() and stop().`,
      { code: EventsNotReadyError.CODE },
    );
    this.plugin = plugin;
  }
}
