/** The kinds of plugin `trellis new plugin --type` scaffolds; `basic` is a plain plugin with a hook. */
export const PLUGIN_TYPES = Object.freeze(['basic', 'health', 'metrics', 'http', 'events'] as const);

/** One of {@link PLUGIN_TYPES}. */
export type PluginType = (typeof PLUGIN_TYPES)[number];
