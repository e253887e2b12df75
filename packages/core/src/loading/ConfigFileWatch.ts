import { dirname } from 'node:path';
import { loadConfig } from '@trellis/loader';

/** What a {@link ConfigFileWatch} works with. Internal. */
export interface ConfigFileWatchInit {
  readonly file: string;
  readonly env: Readonly<Record<string, string | undefined>> | undefined;
  /** Sections given in code, which win over the file's per key. */
  readonly overrides: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  readonly isRegistered: (name: string) => boolean;
  /** Validates and applies a section (throws `ConfigValidationError`). */
  readonly configure: (name: string, section: Readonly<Record<string, unknown>>) => void;
}

type Sections = ReadonlyMap<string, Readonly<Record<string, unknown>>>;

/**
 * Applies edits of the host's config file to plugin config sections: the whole file is read and
 * validated first, then each changed section is applied (all or none: a section that fails restores
 * the ones applied before it). Other keys (`plugins`, manager options) need a restart. Internal.
 */
export class ConfigFileWatch {
  readonly #init: ConfigFileWatchInit;
  #sections: Sections | undefined;

  constructor(init: ConfigFileWatchInit) {
    this.#init = init;
  }

  /** Reads the file as it is now, the baseline edits are compared with. */
  async baseline(): Promise<void> {
    this.#sections = await this.#read();
  }

  /** Validates and applies an edit; resolves to the plugins whose section changed (to reload). */
  async changed(): Promise<string[]> {
    const next = await this.#read(); // rejects on a malformed or invalid file: nothing touched
    const previous = this.#sections ?? new Map<string, Readonly<Record<string, unknown>>>();
    const names = [...new Set([...previous.keys(), ...next.keys()])].filter(
      (name) =>
        this.#init.isRegistered(name) &&
        JSON.stringify(previous.get(name)) !== JSON.stringify(next.get(name)),
    );
    const applied: string[] = [];
    try {
      for (const name of names) {
        this.#init.configure(name, next.get(name) ?? {});
        applied.push(name);
      }
    } catch (error) {
      for (const name of applied) this.#init.configure(name, previous.get(name) ?? {});
      throw error;
    }
    this.#sections = next;
    return names;
  }

  async #read(): Promise<Sections> {
    const { file, overrides, env } = this.#init;
    const { config } = await loadConfig({ cwd: dirname(file), file, env });
    const sections = new Map<string, Readonly<Record<string, unknown>>>();
    for (const [name, section] of Object.entries(config.config ?? {})) sections.set(name, { ...section });
    for (const [name, section] of Object.entries(overrides)) {
      sections.set(name, { ...(sections.get(name) ?? {}), ...section });
    }
    return sections;
  }
}
