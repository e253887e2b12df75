import type { ServiceIdentifier } from 'inversify';
import { PluginNotFoundError } from '../errors/PluginNotFoundError.js';
import { getPluginOptions } from '../plugins/getPluginOptions.js';
import type { PluginClass } from '../plugins/PluginClass.js';
import type { PluginMetadata } from '../plugins/PluginOptions.js';
import { PluginRecord } from './PluginRecord.js';

/**
 * The registered plugins: their records by name (in registration order) and by class, and the
 * plugin providing each token. `revision` changes with every registration change, so what is
 * computed from the registrations (the dependency graph) knows when to recompute. Internal.
 */
export class PluginStore {
  readonly #records = new Map<string, PluginRecord>();
  readonly #byClass = new Map<PluginClass, PluginRecord>();
  readonly #providedBy = new Map<ServiceIdentifier, string>();
  #seq = 0;
  #revision = 0;

  /** Changes whenever a registration is added, replaced or removed. */
  get revision(): number {
    return this.#revision;
  }

  /** Records by name, in registration order. */
  get records(): ReadonlyMap<string, PluginRecord> {
    return this.#records;
  }

  /** Records by plugin class. */
  get byClass(): ReadonlyMap<PluginClass, PluginRecord> {
    return this.#byClass;
  }

  /** The plugin providing each token. */
  get providedBy(): ReadonlyMap<ServiceIdentifier, string> {
    return this.#providedBy;
  }

  /** The record of a name; throws `PluginNotFoundError` when it is not registered. */
  get(name: string): PluginRecord {
    const record = this.#records.get(name);
    if (record === undefined) throw new PluginNotFoundError(name, { registered: [...this.#records.keys()] });
    return record;
  }

  /** The record of a class (or of the name it declares); throws `PluginNotFoundError`. */
  ofClass(cls: PluginClass): PluginRecord {
    const record = this.#byClass.get(cls);
    if (record !== undefined) return record;
    const name = getPluginOptions(cls)?.name;
    const byName = name === undefined ? undefined : this.#records.get(name);
    if (byName !== undefined) return byName;
    throw new PluginNotFoundError(name ?? (typeof cls === 'function' ? cls.name : String(cls)));
  }

  /** The name of the plugin providing a token, if any. */
  providerOf(token: ServiceIdentifier): string | undefined {
    return this.#providedBy.get(token);
  }

  /**
   * Records a class under its name (with the identifiers it injects), replacing another class;
   * false when it was already there.
   */
  put(cls: PluginClass, meta: PluginMetadata, injected: readonly ServiceIdentifier[]): boolean {
    const existing = this.#records.get(meta.name);
    if (existing?.cls === cls) return false;
    if (existing !== undefined) {
      this.#forgetTokens(existing.meta);
      this.#byClass.delete(existing.cls);
      existing.cls = cls;
      existing.meta = meta;
      existing.injected = injected;
      this.#byClass.set(cls, existing);
    } else {
      const record = new PluginRecord({ name: meta.name, seq: this.#seq++, cls, meta, injected });
      this.#records.set(meta.name, record);
      this.#byClass.set(cls, record);
    }
    for (const provider of meta.provides) this.#providedBy.set(provider.token, meta.name);
    this.#revision++;
    return true;
  }

  /** Forgets a record, its class and its tokens. */
  delete(record: PluginRecord): void {
    this.#records.delete(record.name);
    this.#byClass.delete(record.cls);
    this.#forgetTokens(record.meta);
    this.#revision++;
  }

  #forgetTokens(meta: PluginMetadata): void {
    for (const provider of meta.provides) {
      if (this.#providedBy.get(provider.token) === meta.name) this.#providedBy.delete(provider.token);
    }
  }
}
