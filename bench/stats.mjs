// Shared by the browser benches: order statistics, figures beside their targets, and the summary
// that `npm run bench` prints at the end (each bench appends its rows to $BENCH_SUMMARY, one JSON
// object a line). Targets are printed, never enforced: a missed target never fails a run.
import { appendFileSync } from 'node:fs';

/** Median and p90 (nearest rank) of `xs`. */
export function stats(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const rank = (p) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))];
  return { median: rank(0.5), p90: rank(0.9), min: s[0], max: s[s.length - 1], n: s.length };
}

export const ms = (x) => (x === undefined || Number.isNaN(x) ? '—' : `${x >= 100 ? x.toFixed(0) : x.toFixed(1)} ms`);

/** "median / p90 ms" of a cell. */
export const cell = (s) => (s ? `${ms(s.median)} / ${s.p90 >= 100 ? s.p90.toFixed(0) : s.p90.toFixed(1)}` : '');

/**
 * A ratio beside its target: `2.31x (≤ 1.2x: missed)`. `max` is the largest ratio that meets it;
 * null for a figure the issue gives no target for.
 */
export function verdict(ratio, max) {
  if (!Number.isFinite(ratio)) return 'n/a';
  const r = `${ratio.toFixed(2)}x`;
  if (max === null || max === undefined) return r;
  return `${r} (target ≤ ${max}x: ${ratio <= max ? 'met' : 'MISSED'})`;
}

/** Prints a table with a header row; columns padded to their widest cell. */
export function printTable(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i] ?? '').length)));
  const line = (r) => '  ' + r.map((c, i) => String(c ?? '').padEnd(widths[i])).join(' | ');
  console.log(line(header));
  console.log('  ' + widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const r of rows) console.log(line(r));
}

/** One row of the final summary: what was measured, the figure, and the ratio beside its target. */
export function summarize(bench, measure, figure, target) {
  const file = process.env.BENCH_SUMMARY;
  if (file) appendFileSync(file, JSON.stringify({ bench, measure, figure, target }) + '\n');
}

/** Prints progress on one line per step (stderr, so the figures on stdout stay a clean report). */
export function progress(text) {
  process.stderr.write(`  … ${text}\n`);
}
