import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { resolve } from 'node:path';

/** One line of the results table. `ratio` is Arcade ÷ baseline (for times, baseline ÷ Arcade). */
export interface ResultRow {
  readonly scenario: string;
  readonly measure: string;
  readonly arcade: number;
  readonly baseline?: number;
  readonly unit: string;
  readonly ratio?: number;
  readonly p50?: number;
  readonly p99?: number;
  readonly baselineP50?: number;
  readonly baselineP99?: number;
  /** What the issue asks for, and whether this run met it. */
  readonly target?: string;
  readonly met?: boolean;
  readonly note?: string;
}

const num = (n: number | undefined, digits = 0): string =>
  n === undefined || Number.isNaN(n)
    ? ''
    : n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

export function machine(): string {
  const cpu = cpus();
  return `${cpu.length} × ${cpu[0]?.model.trim() ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${process.platform}`;
}

/** The results as a Markdown table (what the runner prints and docs/benchmarks.md quotes). */
export function table(rows: readonly ResultRow[]): string {
  const head = [
    'scenario',
    'measure',
    'Arcade',
    'baseline',
    'ratio',
    'p50 ms',
    'p99 ms',
    'baseline p50/p99 ms',
    'target',
    'met',
    'note',
  ];
  const lines = rows.map((r) => [
    r.scenario,
    r.measure,
    `${num(r.arcade, r.arcade < 10 ? 2 : 0)} ${r.unit}`,
    r.baseline === undefined ? '' : `${num(r.baseline, r.baseline < 10 ? 2 : 0)} ${r.unit}`,
    r.ratio === undefined ? '' : `${num(r.ratio, 2)}×`,
    num(r.p50, 1),
    num(r.p99, 1),
    r.baselineP50 === undefined ? '' : `${num(r.baselineP50, 1)} / ${num(r.baselineP99, 1)}`,
    r.target ?? '',
    r.met === undefined ? '' : r.met ? 'yes' : '**no**',
    r.note ?? '',
  ]);
  const all = [head, ...lines];
  const width = head.map((_, i) => Math.max(...all.map((l) => l[i].length)));
  const fmt = (l: string[]) => `| ${l.map((c, i) => c.padEnd(width[i])).join(' | ')} |`;
  return [fmt(head), `|${width.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...lines.map(fmt)].join('\n');
}

/** Writes the run to bench/results/<timestamp>.json (git-ignored) and returns the file's path. */
export function saveResults(rows: readonly ResultRow[], meta: Record<string, unknown>): string {
  const dir = resolve(__dirname, '../results');
  mkdirSync(dir, { recursive: true });
  const file = resolve(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify({ machine: machine(), ...meta, rows }, null, 2));
  return file;
}
