/** What to do when a plugin fails while the host loads or starts. */
export type PluginFailureMode = 'isolate' | 'abort';
