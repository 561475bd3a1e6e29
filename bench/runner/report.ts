/** Turns the runs into issue #4's figures: lab against bare, median and spread, target met or not. */
import type { PageResult } from '../pages/protocol';
import type { FirstCommandRuns } from './first-command';
import type { FirstLoad } from './js-size';
import type { Runs } from './drive';

export interface Spread {
  readonly median: number;
  readonly min: number;
  readonly max: number;
}

export interface Figure {
  readonly name: string;
  readonly unit: 'ms' | 'kB';
  readonly lab: Spread;
  readonly bare: Spread;
  /** lab median / bare median. */
  readonly ratio: number;
  /** The ratio the issue asks for; none for a figure reported without one. */
  readonly target?: number;
  readonly ok?: boolean;
}

export function spread(values: readonly number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1] };
}

function figure(
  name: string,
  unit: Figure['unit'],
  lab: readonly number[],
  bare: readonly number[],
  target?: number,
): Figure {
  const l = spread(lab);
  const b = spread(bare);
  const ratio = l.median / b.median;
  return {
    name,
    unit,
    lab: l,
    bare: b,
    ratio,
    ...(target === undefined ? {} : { target, ok: ratio <= target }),
  };
}

type Timing = 'firstDrawMs' | 'frameP95Ms' | 'addOneMs';
const pick = (results: readonly PageResult[], key: Timing) => results.map((r) => r[key]);

export function figures(
  runs: Runs,
  size: { lab: FirstLoad; bare: FirstLoad },
  slow?: FirstCommandRuns,
): Figure[] {
  const { lab, bare } = runs;
  const kB = (f: FirstLoad) => [f.gzip / 1000];
  const out: Figure[] = [];
  if (lab.length && bare.length) {
    out.push(
      figure(
        'Render+layout 500 containers / 20 networks',
        'ms',
        pick(lab, 'firstDrawMs'),
        pick(bare, 'firstDrawMs'),
        1.3,
      ),
      figure(
        'p95 frame, packet animation, 200 containers',
        'ms',
        pick(lab, 'frameP95Ms'),
        pick(bare, 'frameP95Ms'),
        1.2,
      ),
      figure(
        'Add one container to 500 (graph update)',
        'ms',
        pick(lab, 'addOneMs'),
        pick(bare, 'addOneMs'),
        1.2,
      ),
    );
  }
  out.push(figure('First-load JS, gzip -9', 'kB', kB(size.lab), kB(size.bare), 1.2));
  if (slow?.lab.length && slow.bare.length)
    out.push(
      figure('First command, 1.6 Mbps / 150 ms (vs graph shown)', 'ms', slow.lab, slow.bare),
    );
  return out;
}

const fmt = (s: Spread, unit: string) =>
  s.min === s.max
    ? `${s.median.toFixed(1)} ${unit}`
    : `${s.median.toFixed(1)} ${unit} (${s.min.toFixed(1)}–${s.max.toFixed(1)})`;

/** A plain-text table: figure, lab, bare, ratio, target, ✓/✗. */
export function table(rows: readonly Figure[]): string {
  const cells = [
    ['Figure', 'Lab median (min–max)', 'Bare median (min–max)', 'Ratio', 'Target', ''],
    ...rows.map((f) => [
      f.name,
      fmt(f.lab, f.unit),
      fmt(f.bare, f.unit),
      `${f.ratio.toFixed(2)}×`,
      f.target === undefined ? '—' : `≤ ${f.target}×`,
      f.ok === undefined ? '' : f.ok ? '✓' : '✗',
    ]),
  ];
  const widths = cells[0].map((_, i) => Math.max(...cells.map((r) => r[i].length)));
  return cells
    .map((r) =>
      r
        .map((c, i) => c.padEnd(widths[i]))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** Median of each part of the lab's timed stretches, to show what drives a ratio. */
export function partMedians(lab: readonly PageResult[]): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const stretch of ['firstDraw', 'addOne'] as const) {
    const names = Object.keys(lab[0]?.parts?.[stretch] ?? {});
    out[stretch] = Object.fromEntries(
      names.map((n) => [n, spread(lab.map((r) => r.parts?.[stretch][n] ?? 0)).median]),
    );
  }
  return out;
}
