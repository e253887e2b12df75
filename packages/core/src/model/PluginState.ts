/**
 * Where a plugin is in its life: `registered → loading → loaded → starting → started → stopping →
 * stopped → unloaded`, plus `failed` (see its last error) and `disabled` (skipped by `loadAll`).
 */
export type PluginState =
  | 'registered'
  | 'loading'
  | 'loaded'
  | 'starting'
  | 'started'
  | 'stopping'
  | 'stopped'
  | 'unloaded'
  | 'failed'
  | 'disabled';
