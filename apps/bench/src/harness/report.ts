import type { CaseResult, ContenderResult } from './types.js';
import type { TargetResult } from './targets.js';
import { formatRatio, formatValue } from './format.js';

export interface RunMeta {
  readonly date: string;
  readonly mode: 'quick' | 'full';
  readonly node: string;
  readonly v8: string;
  readonly platform: string;
  readonly cpu: string;
  readonly cores: number;
  readonly git: string;
  readonly filters: readonly string[];
  readonly contenders: readonly string[];
  readonly settings: object;
  readonly durationSeconds: number;
  /** 1-minute load average when the run started and ended: other work on the machine skews timings. */
  readonly loadAverage: { readonly start: number; readonly end: number };
}

export interface RunReport {
  readonly meta: RunMeta;
  readonly targets: readonly TargetResult[];
  readonly cases: readonly CaseResult[];
}

const GROUP_TITLES: Record<string, string> = {
  'filter-sync': 'Filter dispatch, sync API',
  'filter-async': 'Filter dispatch, async API',
  'notify-sync': 'Notify dispatch, sync API',
  'notify-async': 'Notify dispatch, async API (serial)',
  wildcard: 'Wildcard dispatch against exact names (sync filter of `user.login`)',
  churn: 'Registration churn',
  'first-dispatch': 'First dispatch after a registration change',
  di: 'DI resolution of a plugin with 5 injected dependencies',
  lifecycle: '`start()` + `close()` of a random plugin graph (average 3 dependencies)',
  heap: 'Heap per registration (`--expose-gc`, heapUsed delta)',
  'unused-features': 'Optional features available but unused',
  ablation: 'What code generation buys (the same registry with `compileAfter` changed)',
  events: 'Event bus, in-memory transport, 10 subscribers (publish → all delivered)',
};

const UNIT_WORDS: Record<string, string> = {
  ns: 'ns per operation',
  µs: 'µs per operation',
  ms: 'ms per operation',
  B: 'bytes',
};

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function cell(
  result: ContenderResult | undefined,
  unit: CaseResult['unit'],
  marks: Map<string, string>,
): string {
  if (!result) return '';
  const mark = result.note !== undefined ? (marks.get(result.note) ?? '') : '';
  switch (result.status) {
    case 'n/a':
      return escapeCell(`n/a (${result.reason ?? 'not supported'})`);
    case 'gate-failed':
      return escapeCell(`gate failed: ${result.reason ?? ''}`.slice(0, 160));
    case 'error':
      return escapeCell(`error: ${(result.reason ?? '').split('\n')[0] ?? ''}`.slice(0, 160));
    case 'rejected': {
      const measured = result.measurement ? formatValue(result.measurement.median, unit) : '?';
      return escapeCell(`rejected: ${measured} is below the floor (measurement error)`);
    }
    case 'ok': {
      const m = result.measurement;
      if (!m) return '';
      const ratio = result.vsFloor !== undefined && !result.floor ? ` (${formatRatio(result.vsFloor)})` : '';
      return `${formatValue(m.median, unit)} / ${formatValue(m.p99, unit)}${ratio}${mark}`;
    }
  }
}

/** Footnote marks for the distinct notes of a group's contenders. */
function footnotes(cases: readonly CaseResult[]): Map<string, string> {
  const symbols = ['¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
  const marks = new Map<string, string>();
  for (const benchCase of cases) {
    for (const contender of benchCase.contenders) {
      if (contender.note !== undefined && contender.status !== 'n/a' && !marks.has(contender.note)) {
        marks.set(contender.note, symbols[marks.size] ?? '*');
      }
    }
  }
  return marks;
}

function groupTable(group: string, cases: readonly CaseResult[]): string {
  const columns: { id: string; label: string }[] = [];
  for (const benchCase of cases) {
    for (const contender of benchCase.contenders) {
      if (!columns.some((column) => column.id === contender.id))
        columns.push({ id: contender.id, label: contender.label });
    }
  }
  const unit = cases[0]?.unit ?? 'ns';
  const marks = footnotes(cases);
  const lines = [
    `### ${GROUP_TITLES[group] ?? group}`,
    '',
    `median / p99, ${UNIT_WORDS[unit] ?? unit}${unit === 'B' ? '' : '; (ratio to the hand-written floor)'}`,
    '',
    `| case | ${columns.map((column) => escapeCell(column.label)).join(' | ')} |`,
    `|---|${columns.map(() => '---:').join('|')}|`,
  ];
  for (const benchCase of cases) {
    const cells = columns.map((column) =>
      cell(
        benchCase.contenders.find((contender) => contender.id === column.id),
        benchCase.unit,
        marks,
      ),
    );
    lines.push(`| ${escapeCell(benchCase.title)} | ${cells.join(' | ')} |`);
  }
  if (marks.size > 0) {
    lines.push('');
    for (const [note, mark] of marks) lines.push(`${mark} ${note}  `);
  }
  return lines.join('\n');
}

export function targetsTable(targets: readonly TargetResult[]): string {
  const lines = ['| target | measured | met? |', '|---|---|---|'];
  for (const target of targets) {
    const met = target.met === null ? 'not measured' : target.met ? 'yes' : '**no**';
    lines.push(`| ${escapeCell(target.target)} | ${escapeCell(target.measured)} | ${met} |`);
  }
  return lines.join('\n');
}

/** The tables (targets first, then one table per group), without a page title. */
export function resultTables(report: RunReport): string {
  const groups = new Map<string, CaseResult[]>();
  for (const benchCase of report.cases) {
    const list = groups.get(benchCase.group) ?? [];
    list.push(benchCase);
    groups.set(benchCase.group, list);
  }
  const sections = [...groups].map(([group, cases]) => groupTable(group, cases));
  return [
    '### Targets (ratios measured in the same run)',
    '',
    targetsTable(report.targets),
    '',
    ...sections.flatMap((section) => [section, '']),
  ].join('\n');
}

export function describeRun(meta: RunMeta): string {
  const scope = [
    meta.filters.length > 0 ? `cases matching ${meta.filters.join(', ')}` : 'all cases',
    meta.contenders.length > 0 ? `contenders matching ${meta.contenders.join(', ')}` : '',
  ]
    .filter((part) => part !== '')
    .join(', ');
  return (
    `${meta.date}, ${meta.mode} run (${scope}) in ${Math.round(meta.durationSeconds)} s; ` +
    `Node ${meta.node} (V8 ${meta.v8}), ${meta.platform}, ${meta.cpu} x ${meta.cores}; commit ${meta.git}; ` +
    `load average ${meta.loadAverage.start.toFixed(2)} at the start, ${meta.loadAverage.end.toFixed(2)} at the end.`
  );
}

export function markdownReport(report: RunReport): string {
  return [
    '# Trellis benchmark results',
    '',
    describeRun(report.meta),
    '',
    'Each contender of each case ran in a fresh Node process after passing the equivalence gate. ' +
      'Figures are the median of the batch means and the 99th percentile of the timed samples; ' +
      'see docs/performance.md for the method.',
    '',
    resultTables(report),
  ].join('\n');
}
