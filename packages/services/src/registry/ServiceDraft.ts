/**
 * The payload of the `service.pre_register` filter: the registration, normalised, with the plugin
 * registering it. A handler returns an amended copy (or `undefined` to keep it) or throws to veto.
 * `owner` cannot be changed.
 */
export interface ServiceDraft {
  readonly name: string;
  readonly url?: string;
  readonly tags: readonly string[];
  readonly metadata: Readonly<Record<string, unknown>>;
  /** The plugin registering the service. */
  readonly owner: string;
}
