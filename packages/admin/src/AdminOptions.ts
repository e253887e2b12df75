/**
 * Options of the admin plugin: its config section `trellis.admin`, given in the manager's `config`
 * option or in `trellis.config.*` (code wins per key).
 */
export interface AdminOptions {
  /** Where the API and dashboard are mounted; default `/admin`. */
  readonly prefix?: string;
  /** The bearer token; default `TRELLIS_ADMIN_TOKEN`, else a generated one printed once at start. */
  readonly token?: string;
  /** Lets `GET /admin/api/*` through without a token; default `false` (`POST` always needs it). */
  readonly publicRead?: boolean;
  /** Largest accepted request body in bytes; default 16 KiB (larger: 413). */
  readonly bodyLimit?: number;
  /** Mounts `/health/live`, `/health/ready` and `/metrics` at the root; default `true`. */
  readonly probes?: boolean;
  /** Prints the dashboard URL (with a generated token) once at start; default `true`. */
  readonly announce?: boolean;
  /** Turns on the registry's per-handler statistics for the dashboard; default `true`. */
  readonly hookStats?: boolean;
}
