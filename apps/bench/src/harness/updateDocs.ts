import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describeRun, resultTables, type RunReport } from './report.js';

export const DOCS_START = '<!-- bench:results:start -->';
export const DOCS_END = '<!-- bench:results:end -->';

/**
 * Replaces the results between the markers of docs/performance.md with this run's tables. The block
 * is fenced for Prettier (generated tables are not column-aligned). Returns false when the file or its
 * markers are missing.
 */
export function updateDocs(file: string, report: RunReport): boolean {
  if (!existsSync(file)) return false;
  const text = readFileSync(file, 'utf8');
  const start = text.indexOf(DOCS_START);
  const end = text.indexOf(DOCS_END);
  if (start < 0 || end < start) return false;
  const block = [
    DOCS_START,
    '<!-- prettier-ignore-start -->',
    '',
    `Run: ${describeRun(report.meta)}`,
    '',
    resultTables(report).trim(),
    '',
    '<!-- prettier-ignore-end -->',
  ].join('\n');
  writeFileSync(file, `${text.slice(0, start)}${block}\n${text.slice(end)}`);
  return true;
}
