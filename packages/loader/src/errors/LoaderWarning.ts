/** A problem that does not stop loading: an unknown config key, a world-writable config file… */
export interface LoaderWarning {
  /** Stable code: `TRELLIS_CONFIG_UNKNOWN_KEY`, `TRELLIS_CONFIG_WORLD_WRITABLE`, `TRELLIS_CONFIG_AMBIGUOUS`. */
  readonly code: string;
  /** What is wrong and how to fix it. */
  readonly message: string;
  /** The file concerned. */
  readonly file?: string;
}

/** Receives loader warnings as they are found. */
export type WarningListener = (warning: LoaderWarning) => void;
