import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describeRun, resultTables, type RunReport } from './report.js';
import { formatRatio, formatWithUnit } from './format.js';

export const DOCS_START = '<!-- bench:results:start -->';
export const DOCS_END = '<!-- bench:results:end -->';
export const ABLATION_START = '<!-- bench:ablation:start -->';
export const ABLATION_END = '<!-- bench:ablation:end -->';

/** What each ablation case shows: [case id, optimisation, contender without it, contender with it]. */
const ABLATIONS: readonly [string, string, string, string][] = [
  [
    'ablation.filter.sync.10',
    'dispatch code generated per event: sync filter, 10 handlers',
    'trellis-plain',
    'trellis',
  ],
  ['ablation.filter.sync.100', 'same, 100 handlers', 'trellis-plain', 'trellis'],
  ['ablation.notify.sync.10', 'same, sync notify, 10 handlers', 'trellis-plain', 'trellis'],
  [
    'ablation.filter.async.10',
    'same, async API over 10 sync handlers (no promise per sync handler)',
    'trellis-plain',
    'trellis',
  ],
  [
    'ablation.churn',
    'churn (1 change per 100 dispatches): `compileAfter: 0` against the default',
    'trellis',
    'trellis-eager',
  ],
];

/** Within 5% either way is run-to-run noise, not a gain. */
function gain(ratio: number): string {
  if (ratio >= 1.05) return `${formatRatio(ratio)} faster`;
  if (ratio <= 1 / 1.05) return `${formatRatio(1 / ratio)} slower`;
  return 'no difference';
}

function ablationTable(report: RunReport): string {
  const median = (caseId: string, contenderId: string): number | undefined =>
    report.cases
      .find((benchCase) => benchCase.id === caseId)
      ?.contenders.find((contender) => contender.id === contenderId && contender.status === 'ok')?.measurement
      ?.median;
  const rows = ABLATIONS.map(([caseId, text, without, withIt]) => {
    const a = median(caseId, without);
    const b = median(caseId, withIt);
    const cells =
      a === undefined || b === undefined
        ? ['not measured', 'not measured', '']
        : [formatWithUnit(a, 'ns'), formatWithUnit(b, 'ns'), gain(a / b)];
    return `| ${text} | \`${caseId}\` | ${cells.join(' | ')} |`;
  });
  return ['| optimisation | case | without | with | gain |', '|---|---|---:|---:|---:|', ...rows].join('\n');
}

function replaceBlock(text: string, start: string, end: string, body: string): string | undefined {
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) return undefined;
  const block = [
    start,
    '<!-- prettier-ignore-start -->',
    '',
    body.trim(),
    '',
    '<!-- prettier-ignore-end -->',
  ].join('\n');
  return `${text.slice(0, from)}${block}\n${text.slice(to)}`;
}

/**
 * Replaces the results and the ablation figures between the markers of docs/performance.md with this
 * run's tables. Blocks are fenced for Prettier (generated tables are not column-aligned). Returns false
 * when the file or its results markers are missing.
 */
export function updateDocs(file: string, report: RunReport): boolean {
  if (!existsSync(file)) return false;
  const original = readFileSync(file, 'utf8');
  const results = [`Run: ${describeRun(report.meta)}`, '', resultTables(report)].join('\n');
  const withResults = replaceBlock(original, DOCS_START, DOCS_END, results);
  if (withResults === undefined) return false;
  const withAblation =
    replaceBlock(withResults, ABLATION_START, ABLATION_END, ablationTable(report)) ?? withResults;
  writeFileSync(file, withAblation);
  return true;
}
