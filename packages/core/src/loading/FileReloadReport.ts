import type { TrellisError } from '@trellis/extensions';
import type { ReloadReport } from '../lifecycle/reports.js';

/** What `reload(name)` did for a plugin that came from a file. */
export interface FileReloadReport extends ReloadReport {
  /** The module imported again (absolute), when the plugin came from a file. */
  readonly file?: string;
  /**
   * Present for plugins that came from files: `true` when the new version failed in `start` and the previous version was brought back; the
   * plugin and its dependents then run the old code, and `error` says why.
   */
  readonly rolledBack?: boolean;
  /** The failure of the new version, when it was rolled back. */
  readonly error?: TrellisError;
}
