/** The reflect-metadata key under which `@plugin` records a class's options. */
export const PLUGIN_METADATA_KEY: unique symbol = Symbol.for('trellis.plugin.options');
