// Where the time of a sample goes, from a Chromium trace (compare.bench.mjs --trace): a few more
// samples of each contender are recorded with tracing on; the page marks each sample with
// console.timeStamp (`bench:start` when the data is handed over, `bench:paint` in the rAF of the
// frame that paints the result, `bench:main` after that frame's main-thread work,
// `bench:next-frame` in the next rAF, `bench:pixels@offset` with that frame's presentation time).
// For each sample window [start, presented] this sums, on the renderer's main thread, the self time
// of each activity (script, HTML parsing, style, layout, paint, a 2D canvas's raster, layer update
// and commit, GC), and
// the raster tasks until the painted frame's layer tree was activated (activation waits for every
// visible tile); it checks that the activation came before the presentation time the bench uses,
// and counts the samples where a double-rAF measure (the next rAF) would have stopped the clock
// before that activation.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stats, printTable } from './stats.mjs';

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.frame',
  'blink',
  'cc',
  'v8',
  'toplevel',
];

/** Main-thread activities, by trace event name (the first that matches); self time of anything else is "other". */
const ACTIVITIES = [
  ['gc', /GC|Sweep|Marking/],
  ['parse', /ParseHTML|HTMLDocumentParser|TextResourceDecoder|ParseFragment|ParseAuthorStyleSheet/],
  ['style', /UpdateLayoutTree|RecalculateStyle|StyleInvalidation|UpdateStyle$|StyleRecalc/],
  ['layout', /Layout|InlineNode|performLayout/],
  // A 2D canvas records its drawing and rasterizes it on the main thread when the frame is finalized.
  ['canvas', /FinalizeFrame|Canvas2D|CanvasResource/],
  ['layers', /DoUpdateLayers|Commit|commit|UpdateLayers/],
  ['paint', /Paint|Layerize/],
  ['script', /^v8\.|^V8\.|FunctionCall|EvaluateScript|RunMicrotasks|PerformMicrotaskCheckpoint|TimerFire|EventDispatch|FireAnimationFrame|serviceScriptedAnimations|MessagePort::Accept|ResizeObserver/],
];
const activityCache = new Map();
function activityOf(name) {
  if (!activityCache.has(name)) activityCache.set(name, ACTIVITIES.find(([, re]) => re.test(name))?.[0] ?? 'other');
  return activityCache.get(name);
}

/** Complete events (X, and B/E pairs) of one thread, with self times. */
function selfTimes(events) {
  const spans = [];
  const open = [];
  for (const e of events) {
    if (e.ph === 'X' && e.dur !== undefined) spans.push({ name: e.name, ts: e.ts, end: e.ts + e.dur });
    else if (e.ph === 'B') open.push(e);
    else if (e.ph === 'E') {
      const b = open.pop();
      if (b) spans.push({ name: b.name, ts: b.ts, end: e.ts });
    }
  }
  spans.sort((a, b) => a.ts - b.ts || b.end - a.end);
  const stack = [];
  for (const s of spans) {
    s.self = s.end - s.ts;
    while (stack.length && stack[stack.length - 1].end <= s.ts) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) parent.self -= Math.min(s.end, parent.end) - s.ts;
    stack.push(s);
  }
  return spans;
}

export function analyze(trace) {
  const events = trace.traceEvents ?? trace;
  const threads = new Map();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') threads.set(`${e.pid}:${e.tid}`, e.args.name);
  const stamps = events.filter((e) => e.name === 'TimeStamp' && String(e.args?.data?.message ?? '').startsWith('bench:')).sort((a, b) => a.ts - b.ts);
  const main = stamps[0] ? `${stamps[0].pid}:${stamps[0].tid}` : null;
  const byThread = new Map();
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (!byThread.has(key)) byThread.set(key, []);
    byThread.get(key).push(e);
  }
  const mainSpans = main ? selfTimes(byThread.get(main)) : [];
  // Raster tasks run on the renderer's worker threads (CompositorTileWorker, or the thread pool's);
  // commits and activations of the layer tree on its compositor thread.
  const pid = main?.split(':')[0];
  const raster = events
    .filter((e) => e.name === 'RasterTask' && String(e.pid) === pid && e.ph === 'X')
    .map((e) => ({ ts: e.ts, end: e.ts + e.dur, thread: `${e.pid}:${e.tid}` }));
  const rasterThreads = new Set(raster.map((r) => r.thread)).size;
  const compositor = [...threads].find(([k, name]) => k.startsWith(`${pid}:`) && name === 'Compositor')?.[0];
  const onCompositor = (name) => (byThread.get(compositor) ?? []).filter((e) => e.name === name).map((e) => e.ts).sort((a, b) => a - b);
  const commits = onCompositor('Commit');
  const activations = onCompositor('ActivateLayerTree');

  // Windows: a label, then start … pixels.
  const samples = [];
  let label = null;
  let current = null;
  for (const s of stamps) {
    const m = s.args.data.message;
    if (m.startsWith('bench:label:')) label = m.slice('bench:label:'.length);
    else if (m === 'bench:start') current = { label, start: s.ts };
    else if (m === 'bench:paint' && current) current.paint = s.ts;
    else if (m === 'bench:main' && current) current.main = s.ts;
    else if (m === 'bench:next-frame' && current) current.nextFrame = s.ts;
    else if (m.startsWith('bench:pixels@') && current?.paint !== undefined) {
      // The page marks when it learns the presentation time, with the offset back to it.
      current.pixels = s.ts + Number(m.slice('bench:pixels@'.length)) * 1000;
      samples.push(current);
      current = null;
    }
  }
  for (const w of samples) {
    const inside = (s) => Math.max(0, Math.min(s.end, w.pixels) - Math.max(s.ts, w.start));
    const totals = { script: 0, parse: 0, style: 0, layout: 0, paint: 0, canvas: 0, layers: 0, gc: 0, other: 0 };
    for (const s of mainSpans) {
      if (s.self <= 0 || s.end <= w.start || s.ts >= w.pixels) continue;
      const share = inside(s) / (s.end - s.ts);
      totals[activityOf(s.name)] += (s.self * share) / 1000;
    }
    w.totals = totals;
    w.busy = Object.values(totals).reduce((a, b) => a + b, 0);
    // The painted frame's tree: committed after its paint, activated once its visible tiles are
    // rasterized (tiles outside the viewport may raster later, at low priority).
    const commit = commits.find((t) => t > w.paint);
    w.activation = commit === undefined ? undefined : activations.find((t) => t > commit);
    const until = w.activation ?? w.pixels;
    w.rasterToActivation = raster.reduce((sum, s) => sum + Math.max(0, Math.min(s.end, until) - Math.max(s.ts, w.start)), 0) / 1000;
    w.activatedBeforePresented = w.activation !== undefined && w.activation <= w.pixels;
    w.nextFrameBeforeActivation = w.activation !== undefined && w.nextFrame !== undefined && w.nextFrame < w.activation;
    w.wall = (w.pixels - w.start) / 1000;
  }
  return { samples, rasterThreads };
}

/**
 * Records `runs` (each `{ label, sample }`, run in turn `rounds` times) under tracing and prints
 * where the time of each label's samples goes.
 */
export async function traceSamples(browser, page, bench, runs, rounds = 3) {
  await bench('setTracing', true);
  await browser.startTracing(page, { categories: CATEGORIES });
  try {
    for (let round = 0; round < rounds; round++) {
      for (const run of runs) {
        await bench('label', run.label);
        await run.sample(round);
      }
    }
  } finally {
    await bench('setTracing', false);
  }
  const buffer = await browser.stopTracing();
  const dir = process.env.BENCH_TRACE_DIR;
  if (dir) writeFileSync(join(dir, `${runs[0].label.split(',')[0].replace(/\W+/g, '-')}.trace.json`), buffer);
  const { samples, rasterThreads } = analyze(JSON.parse(buffer.toString('utf8')));
  const rows = [];
  for (const run of runs) {
    const mine = samples.filter((s) => s.label === run.label);
    if (!mine.length) continue;
    const med = (f) => stats(mine.map(f)).median;
    const t = (k) => med((s) => s.totals[k]).toFixed(1);
    const activated = mine.filter((s) => s.activatedBeforePresented).length;
    const early = mine.filter((s) => s.nextFrameBeforeActivation).length;
    rows.push([
      run.label,
      med((s) => s.wall).toFixed(1),
      t('script'),
      t('parse'),
      t('style'),
      t('layout'),
      t('paint'),
      t('canvas'),
      t('layers'),
      t('gc'),
      t('other'),
      med((s) => Math.max(0, s.wall - s.busy)).toFixed(1),
      med((s) => s.rasterToActivation).toFixed(1),
      `${activated}/${mine.length}`,
      `${early}/${mine.length}`,
    ]);
  }
  console.log(`\nWhere the time goes: a trace of ${rounds} more samples each (medians, ms, inside [data handed over, presented]): the main thread's self time by activity and its idle time; raster tasks (${rasterThreads} raster threads) until the painted frame's tree was activated; whether that activation came before the presentation "pixels" reports, and whether a double rAF would have stopped the clock before it:`);
  printTable(['sample', 'wall', 'script', 'parse HTML', 'style', 'layout', 'paint', 'canvas raster', 'layers+commit', 'GC', 'other', 'main idle', 'raster', 'activated before presented', 'next rAF before activation'], rows);
  return samples;
}
