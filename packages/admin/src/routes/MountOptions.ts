import type { EventStream } from './EventStream.js';

/** Settings of {@link mountAdmin}. */
export interface MountOptions {
  /** Where the API and dashboard live, e.g. `/admin`. */
  readonly prefix: string;
  /** The bearer token every `POST` (and `GET /api/*` unless `publicRead`) must carry. */
  readonly token: string;
  /** Lets `GET` requests of the API through without a token. */
  readonly publicRead: boolean;
  /** Largest accepted request body, in bytes. */
  readonly bodyLimit: number;
  /** Folder of the dashboard's static files. */
  readonly staticDir: string;
  /** Mounts `/health/live`, `/health/ready` and `/metrics` at the root. */
  readonly probes: boolean;
  /** The server-sent event clients. */
  readonly events: EventStream;
}
