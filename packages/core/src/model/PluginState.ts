/**
 * Where a plugin is in its life: `registered → loading → loaded → starting → started → stopping →
 * stopped → unloaded`, plus `failed` (see its last error), `disabled` (skipped by `loadAll`) and
 * `reloading` (while a reload replaces it). The legal moves between them are listed in
 * `docs/lifecycle.md`.
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
  | 'disabled'
  | 'reloading';
