import type { HookOptions } from '@trellis/extensions';

/** Options of a hook registered through a plugin's context: the owner is always the plugin. */
export type PluginHookOptions = Omit<HookOptions, 'plugin'>;
