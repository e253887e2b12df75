/**
 * The notify event raised under `log-and-continue` when a handler fails, with payload
 * {@link PluginErrorPayload}. Failures of its own handlers are only logged, never re-notified.
 */
export const PLUGIN_ERROR_EVENT = 'trellis.plugin.error';
