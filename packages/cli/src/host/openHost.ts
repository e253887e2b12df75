import { pino } from 'pino';
import { createHost, type PluginManager, type TrellisWarning } from '@trellis/core';
import type { Problem } from './Problem.js';
import { fixFor } from './fixFor.js';

/** The host of `--cwd`, registered (nothing loaded or started), and what went wrong while finding it. */
export interface OpenedHost {
  readonly manager: PluginManager;
  readonly problems: Problem[];
}

interface LogLine {
  readonly level?: number;
  readonly msg?: string;
  readonly path?: string;
  readonly plugin?: string;
  readonly err?: { readonly code?: string; readonly message?: string };
}

/**
 * Builds the host from its `trellis.config.*` as `createHost` does, but quietly: config warnings and
 * discovery failures (broken modules, invalid manifests) become problems instead of log lines. Module
 * plugins are imported to read their metadata (their top-level code runs); no lifecycle method runs.
 */
export async function openHost(cwd: string): Promise<OpenedHost> {
  const problems: Problem[] = [];
  const stream = {
    write(line: string): void {
      let entry: LogLine;
      try {
        entry = JSON.parse(line) as LogLine;
      } catch {
        return;
      }
      if ((entry.level ?? 0) < 40 || entry.err === undefined) return;
      const code = entry.err.code ?? 'TRELLIS_PLUGIN_DISCOVERY';
      problems.push({
        code,
        ...(entry.path !== undefined ? { file: entry.path } : {}),
        ...(entry.plugin !== undefined ? { plugin: entry.plugin } : {}),
        message: firstLine(entry.err.message ?? entry.msg ?? 'discovery failed'),
        fix: fixFor(code),
        severity: 'error',
      });
    },
  };
  const manager = await createHost({
    cwd,
    logger: pino({ level: 'warn' }, stream),
    onWarning: (warning: TrellisWarning & { readonly file?: string }) => {
      problems.push({
        code: warning.code,
        ...(warning.file !== undefined ? { file: warning.file } : {}),
        ...(warning.plugin !== undefined ? { plugin: warning.plugin } : {}),
        message: firstLine(warning.message),
        fix: fixFor(warning.code),
        severity: 'warning',
      });
    },
  });
  return { manager, problems };
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? text;
}
