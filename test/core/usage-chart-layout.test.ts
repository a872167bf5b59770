/**
 * The chart's pure d3 helpers in Node: the layout (scales, bars, step and average paths, integer
 * y ticks), ticks in a zone for every interval and 7 to 400 buckets, labels, and the CSV of
 * buckets. The layout is also checked as a property: any buckets at any size draw their exact
 * numbers inside the plot.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { computeUsage, type Interval, type UsageBucket } from '../../src/core/index.js';
import { generateDataset } from '../../src/mock/index.js';
import { bucketsToCsv } from '../../src/usage-chart/csv.js';
import { usageFileName } from '../../src/usage-chart/export.js';
import { bucketText, peakAtText } from '../../src/usage-chart/labels.js';
import { atCapacity, barPadding, bucketAt, layoutChart, STRIP, yScale, type ChartLayout } from '../../src/usage-chart/layout.js';
import { chooseTicks, localFields, tickIndexes } from '../../src/usage-chart/ticks.js';
import { pathPoints, pathRects, stripPoints } from '../shared/path-points.js';

const ASOF = '2026-10-31T10:15:00Z';
const data = generateDataset({ seed: 3, sessions: 3000, days: 430, end: ASOF, products: ['kre'] });
const usage = (interval: Interval, from: string, to: string, timeZone = 'Europe/Berlin') =>
  computeUsage(data, { product: 'kre', from, to, interval, timeZone }, ASOF);



/** The Average Peak's dots: each a dash from (x, y) by (dx, dy). */
function dots(l: ChartLayout): { x: number; y: number; dx: number; dy: number }[] {
  return [...l.averageDots.join('').matchAll(/M([-\d.e]+),([-\d.e]+)l([-\d.e]+),([-\d.e]+)/g)].map((m) => {
    const [x, y, dx, dy] = m.slice(1).map(Number);
    return { x, y, dx, dy };
  });
}

/** Where (x, y) is along a polyline: its arc length at the nearest point, and how far it is from it. */
function along(points: [number, number][], x: number, y: number): { at: number; off: number } {
  let best = { at: 0, off: Infinity };
  let walked = 0;
  for (let i = 1; i < points.length; i++) {
    const [ax, ay] = points[i - 1];
    const [bx, by] = points[i];
    const length = Math.hypot(bx - ax, by - ay);
    const t = length ? Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / length ** 2)) : 0;
    const off = Math.hypot(ax + (bx - ax) * t - x, ay + (by - ay) * t - y);
    if (off < best.off) best = { at: walked + t * length, off };
    walked += length;
  }
  return best;
}

describe('layoutChart', () => {
  it('draws each bucket: bar top at its peak, slot by its duration, steps at available', () => {
    const r = usage('day', '2026-10-20', '2026-10-30');
    const l = layoutChart({ buckets: r.buckets, interval: 'day', timeZone: r.timeZone, locale: 'en-US', width: 800, height: 300 });
    assert.equal(l.bars.length, r.buckets.length);
    const hourPx = l.plotWidth / ((Date.parse(r.buckets.at(-1)!.end) - Date.parse(r.buckets[0].start)) / 3_600_000);
    r.buckets.forEach((b, i) => {
      const bar = l.bars[i];
      assert.ok(Math.abs(l.y.invert(bar.y) - b.peak) < 1e-9);
      assert.ok(Math.abs(bar.height - (l.y(0) - l.y(b.peak))) < 1e-9);
      const hours = (Date.parse(b.end) - Date.parse(b.start)) / 3_600_000;
      assert.ok(Math.abs(bar.x1 - bar.x0 - hours * hourPx) < 1e-6);
    });
    // Oct 25 has 25 hours.
    const oct25 = r.buckets.findIndex((b) => b.start.startsWith('2026-10-25'));
    assert.ok(Math.abs((l.bars[oct25].x1 - l.bars[oct25].x0) / (l.bars[0].x1 - l.bars[0].x0) - 25 / 24) < 1e-9);
    // Step line: n + 1 levels, each over its slot, vertical moves only at slot edges.
    const step = pathPoints(l.availableLine);
    assert.equal(step.length, 2 * r.buckets.length);
    r.buckets.forEach((b, i) => {
      const [x0, y0] = step[2 * i];
      const [x1, y1] = step[2 * i + 1];
      assert.equal(y0, y1);
      assert.ok(Math.abs(x0 - l.bars[i].x0) < 0.006 && Math.abs(x1 - l.bars[i].x1) < 0.006);
      assert.ok(Math.abs(y0 - l.y(b.available)) <= 0.005);
    });
    const average = stripPoints(l.averageLine);
    assert.equal(average.length, r.buckets.length);
    average.forEach(([x, y], i) => {
      assert.ok(Math.abs(x - (l.bars[i].x0 + l.bars[i].x1) / 2) <= 0.005);
      assert.ok(Math.abs(y - l.y(r.buckets[i].averagePeak)) <= 0.005);
    });
  });

  it('finds the bucket under a pointer', () => {
    const r = usage('day', '2026-10-01', '2026-10-07');
    const l = layoutChart({ buckets: r.buckets, interval: 'day', timeZone: r.timeZone, locale: 'en-US', width: 700, height: 300 });
    assert.equal(bucketAt(l, -5), 0);
    assert.equal(bucketAt(l, (l.bars[3].x0 + l.bars[3].x1) / 2), 3);
    assert.equal(bucketAt(l, l.plotWidth + 9), r.buckets.length - 1);
    assert.equal(bucketAt({ slotStarts: [] }, 3), -1);
  });

  it('handles no bucket and one bucket', () => {
    const none = layoutChart({ buckets: [], interval: 'day', timeZone: 'UTC', locale: 'en-US', width: 300, height: 200 });
    assert.deepEqual([none.bars, none.availableArea, none.xTicks], [[], '', []]);
    const one: UsageBucket = { start: '2026-10-01T00:00:00Z', end: '2026-10-02T00:00:00Z', available: 3, peak: 2, peakAt: '2026-10-01T09:00:00Z', averagePeak: 1.5, denied: 0 };
    const l = layoutChart({ buckets: [one], interval: 'day', timeZone: 'UTC', locale: 'en-US', width: 300, height: 200 });
    assert.equal(stripPoints(l.averageLine).length, 2);
    assert.ok(dots(l).length >= 2, 'a bar-wide line is dotted too');
    assert.equal(l.xTicks.length, 1);
  });

  it('keeps inside the size from 320 to 1600 px and never below its minimum', () => {
    const r = usage('hour', '2026-10-01', '2026-10-31');
    for (const width of [120, 320, 1600]) {
      const l = layoutChart({ buckets: r.buckets, interval: 'hour', timeZone: r.timeZone, locale: 'en-US', width, height: 240 });
      assert.ok(l.width >= width);
      if (width >= 320) assert.equal(l.width, width);
      assert.ok(l.bars.every((b) => b.x >= 0 && b.x + b.width <= l.plotWidth + 1e-6));
      assert.ok(l.xTicks.every((t) => t.labelX >= -8 && t.labelX <= l.plotWidth + 8));
    }
  });

  it('draws any buckets at any size exactly (property)', () => {
    const bucketList = fc
      .array(fc.record({ available: fc.nat(5000), peak: fc.nat(5000), hours: fc.integer({ min: 1, max: 24 * 31 }), average: fc.double({ min: 0, max: 1, noNaN: true }) }), { minLength: 1, maxLength: 60 })
      .map((list) => {
        let t = Date.UTC(2026, 0, 1);
        return list.map(({ available, peak, hours, average }): UsageBucket => {
          const start = t;
          t += hours * 3_600_000;
          return { start: new Date(start).toISOString(), end: new Date(t).toISOString(), available, peak, peakAt: null, averagePeak: average * peak, denied: 0 };
        });
      });
    fc.assert(
      fc.property(bucketList, fc.integer({ min: 320, max: 1600 }), fc.integer({ min: 200, max: 500 }), (buckets, width, height) => {
        const l = layoutChart({ buckets, interval: 'day', timeZone: 'UTC', locale: 'en-US', width, height });
        const top = Math.max(...buckets.map((b) => Math.max(b.available, b.peak)));
        assert.ok(l.y.domain()[1] >= top);
        buckets.forEach((b, i) => {
          const bar = l.bars[i];
          assert.ok(Math.abs(l.y.invert(bar.y) - b.peak) < 1e-6 * Math.max(1, b.peak));
          assert.ok(bar.y >= -1e-9 && bar.y + bar.height <= l.plotHeight + 1e-9);
          assert.equal(bar.atCapacity, b.peak > 0 && b.peak >= b.available);
          if (i > 0) assert.ok(bar.x0 >= l.bars[i - 1].x1 - 1e-6);
        });
        assert.ok(l.yTicks.every((t) => Number.isInteger(t.value)));
      }),
      { numRuns: 150 },
    );
  });
  it('with more buckets than pixels, draws one bar per pixel column: the highest peak, at capacity when any is', () => {
    // 2 200 hourly buckets at 800 px: under half a pixel each.
    const buckets: UsageBucket[] = Array.from({ length: 2200 }, (_, i) => {
      const start = Date.UTC(2026, 0, 1) + i * 3_600_000;
      const peak = (i * 37) % 23;
      return { start: new Date(start).toISOString(), end: new Date(start + 3_600_000).toISOString(), available: 20 + (i >= 1100 ? 5 : 0), peak, peakAt: null, averagePeak: peak / 2, denied: i === 1500 ? 1 : 0 };
    });
    const l = layoutChart({ buckets, interval: 'hour', timeZone: 'UTC', locale: 'en-US', width: 800, height: 300 });
    assert.equal(l.bars.length, 2200, 'each bucket keeps its own slot and numbers');
    assert.ok(l.drawn.length <= Math.ceil(l.plotWidth) + 1, `${l.drawn.length} drawn bars for ${l.plotWidth} px`);
    // Every bucket's peak is under its column's bar; the tallest reaches it exactly.
    for (const d of l.drawn) {
      const members = l.bars.filter((b) => Math.floor(b.x0) === d.x);
      assert.ok(members.length >= 2);
      assert.equal(d.y, Math.min(...members.map((b) => b.y)));
      assert.equal(d.atCapacity, members.some((b) => b.atCapacity));
    }
    const capacity = l.drawn.filter((d) => d.atCapacity);
    assert.ok(capacity.some((d) => d.x === Math.floor(l.bars[1500].x0)), 'the denial at bucket 1500 keeps its column hatched');
    // The lines go through the columns too: about a point a pixel, not 2 200.
    assert.equal(stripPoints(l.averageLine).length, l.drawn.length);
    assert.ok(pathPoints(l.availableLine).length <= 2 * l.drawn.length + 2);
    // Fewer buckets than pixels: one drawn bar per bucket, as before.
    const few = layoutChart({ buckets: buckets.slice(0, 300), interval: 'hour', timeZone: 'UTC', locale: 'en-US', width: 800, height: 300 });
    assert.deepEqual(few.drawn, few.bars);
  });
});

describe('layoutChart at a few thousand buckets: strips and dots', () => {
  // 2 200 daily buckets at 1 600 px: about one drawn bar a pixel; a smooth Average Peak (so that
  // where a dot sits along the line has one answer).
  const buckets: UsageBucket[] = Array.from({ length: 2200 }, (_, i) => {
    const start = Date.UTC(2020, 0, 1) + i * 86_400_000;
    const peak = (i * 37) % 23;
    return { start: new Date(start).toISOString(), end: new Date(start + 86_400_000).toISOString(), available: 20, peak, peakAt: null, averagePeak: 8 + 6 * Math.sin(i / 40), denied: i % 97 === 0 ? 1 : 0 };
  });
  const l = layoutChart({ buckets, interval: 'day', timeZone: 'UTC', locale: 'en-US', width: 1600, height: 380 });

  it('draws every bar once, exactly, in strips no wider than a strip', () => {
    const rects = l.barPaths.map(pathRects);
    assert.deepEqual(
      rects.flat(),
      l.drawn.map((b) => ({ x: b.x, y: b.y, width: b.width, height: b.height })),
    );
    assert.ok(l.barPaths.length >= Math.floor(l.plotWidth / STRIP), `${l.barPaths.length} strips`);
    for (const strip of rects) {
      const k = Math.floor(strip[0].x / STRIP);
      assert.ok(strip.every((r) => Math.floor(r.x / STRIP) === k), 'a strip holds the bars that start in it');
    }
    // The hatched ones: the drawn bars at capacity, in strips too.
    assert.deepEqual(
      l.capacityPaths.flatMap(pathRects),
      l.drawn.filter((b) => b.atCapacity).map((b) => ({ x: b.x, y: b.y, width: b.width, height: b.height })),
    );
    assert.ok(l.capacityPaths.length > 1);
  });

  it('cuts the Average Peak line into strips that meet end to end', () => {
    const points = stripPoints(l.averageLine);
    assert.equal(points.length, l.drawn.length);
    assert.ok(l.averageLine.length >= Math.floor(l.plotWidth / STRIP));
    for (const d of l.averageLine) {
      const xs = pathPoints(d).map(([x]) => x);
      // Each strip spans its own strip and at most one segment beyond.
      assert.ok(Math.max(...xs) - Math.min(...xs) <= STRIP + 2, `strip from ${Math.min(...xs)} to ${Math.max(...xs)}`);
    }
  });

  it('dots the line as `stroke-dasharray: 0.5 5` did: a 0.5 px dash every 5.5 px along it', () => {
    const points = stripPoints(l.averageLine);
    const marks = dots(l);
    let length = 0;
    for (let i = 1; i < points.length; i++) length += Math.hypot(points[i][0] - points[i - 1][0], points[i][1] - points[i - 1][1]);
    // (The length here is summed from points rounded to 1/100 px: the last dot may differ.)
    assert.ok(Math.abs(marks.length - (Math.floor(length / 5.5) + 1)) <= 1, `${marks.length} dots over ${length} px`);
    let last = -5.5;
    marks.forEach((m, i) => {
      const { at, off } = along(points, m.x, m.y);
      assert.ok(off < 0.02, `dot ${i} is ${off} px off the line`);
      // Spaced along the line (the points are rounded to 1/100 px, so a little slack).
      assert.ok(Math.abs(at - last - 5.5) < 0.05, `dot ${i} ${at - last} px after the last`);
      last = at;
      assert.ok(Math.abs(Math.hypot(m.dx, m.dy) - 0.5) < 0.01, `dot ${i} is a 0.5 px dash`);
    });
  });
});

describe('yScale', () => {
  it('has integer ticks only, from 0, and at least 1 at the top', () => {
    const b = (peak: number, available: number) => ({ start: '', end: '', peak, available, peakAt: null, averagePeak: 0, denied: 0 });
    assert.deepEqual(yScale([b(0, 0)], 300).ticks, [0, 1]);
    assert.deepEqual(yScale([b(3, 2)], 300).ticks, [0, 1, 2, 3]);
    const big = yScale([b(4321, 5000)], 300);
    assert.ok(big.ticks.every(Number.isInteger) && big.y.domain()[1] >= 5000);
  });

  it('pads bars by a fifth, 1 px, or not at all', () => {
    assert.equal(barPadding(10), 2);
    assert.equal(barPadding(4), 1);
    assert.equal(barPadding(1), 0);
  });

  it('calls a bucket "at capacity" when a positive peak reached the licenses, or requests were denied', () => {
    assert.equal(atCapacity({ peak: 5, available: 5, denied: 0 }), true);
    assert.equal(atCapacity({ peak: 6, available: 5, denied: 0 }), true);
    assert.equal(atCapacity({ peak: 4, available: 5, denied: 0 }), false);
    assert.equal(atCapacity({ peak: 0, available: 0, denied: 0 }), false);
    // Denied while the peak stayed under the filter's licenses: a pool the requests could draw on was full.
    assert.equal(atCapacity({ peak: 4, available: 5, denied: 2 }), true);
  });
});

describe('ticks in a zone', () => {
  const fieldsOf = (r: ReturnType<typeof usage>) => r.buckets.map((b) => localFields(Date.parse(b.start), r.timeZone));

  it('reads local fields across DST', () => {
    const f = localFields(Date.parse('2026-10-25T01:30:00Z'), 'Europe/Berlin'); // 02:30 CET, the second one
    assert.deepEqual([f.year, f.month, f.day, f.hour, f.weekday], [2026, 10, 25, 2, 6]);
  });

  it('marks local midnights of an hourly range, with 25 hours on Oct 25', () => {
    const r = usage('hour', '2026-10-24', '2026-10-26');
    const days = tickIndexes(fieldsOf(r), { unit: 'day', step: 1 });
    assert.deepEqual(days, [0, 24, 49]);
    const sixHours = tickIndexes(fieldsOf(r), { unit: 'hour', step: 6 });
    // 00, 06, 12, 18 each day; the repeated 02:00 adds no tick, but shifts the later ones by one.
    assert.deepEqual(sixHours, [0, 6, 12, 18, 24, 31, 37, 43, 49, 55, 61, 67]);
  });

  it('marks Mondays and month starts', () => {
    const r = usage('day', '2026-09-25', '2026-10-12');
    assert.deepEqual(tickIndexes(fieldsOf(r), { unit: 'week', step: 1 }).map((i) => r.buckets[i].start.slice(0, 10)), ['2026-09-28', '2026-10-05', '2026-10-12']);
    assert.deepEqual(tickIndexes(fieldsOf(r), { unit: 'month', step: 1 }).map((i) => r.buckets[i].start.slice(0, 10)), ['2026-10-01']);
  });

  for (const [interval, from, to] of [
    ['hour', '2026-10-25', '2026-10-31'],
    ['hour', '2026-10-01', '2026-10-31'],
    ['day', '2026-10-25', '2026-10-31'],
    ['day', '2025-10-01', '2026-10-31'],
    ['week', '2025-10-01', '2026-10-31'],
    ['month', '2025-09-01', '2026-10-31'],
  ] as const) {
    it(`chooses readable ticks for ${interval} ${from} – ${to} at 320 and 1400 px`, () => {
      const r = usage(interval, from, to);
      assert.ok(r.buckets.length >= 7);
      for (const width of [320, 1400]) {
        const l = layoutChart({ buckets: r.buckets, interval, timeZone: r.timeZone, locale: 'en-US', width, height: 300 });
        assert.ok(l.xTicks.length >= 2, `${l.xTicks.length} ticks`);
        // Label boxes (the default measure: 7 px a character) never overlap and stay in the svg.
        const box = (t: (typeof l.xTicks)[number]) => {
          const w = Math.max(t.label.length, t.context?.length ?? 0) * 7;
          const left = t.anchor === 'start' ? t.labelX : t.anchor === 'end' ? t.labelX - w : t.labelX - w / 2;
          return [left, left + w];
        };
        for (let i = 1; i < l.xTicks.length; i++) {
          assert.ok(box(l.xTicks[i])[0] >= box(l.xTicks[i - 1])[1] + 8, `labels ${i - 1},${i} overlap`);
        }
        assert.ok(box(l.xTicks[0])[0] >= -l.margin.left, 'first label inside');
        assert.ok(box(l.xTicks.at(-1)!)[1] <= l.plotWidth + l.margin.right, 'last label inside');
      }
    });
  }

  it('falls back to the coarsest level when nothing fits', () => {
    const r = usage('day', '2026-10-01', '2026-10-31');
    const c = chooseTicks(fieldsOf(r), 'day', 10, () => 1000);
    assert.equal(c.level.unit, 'month');
  });
});

describe('labels', () => {
  const b = (start: string, end: string, peakAt: string | null = null): UsageBucket => ({ start, end, peakAt, peak: 1, available: 1, averagePeak: 1, denied: 0 });
  it('names a bucket in its zone', () => {
    assert.equal(bucketText(b('2026-10-25T00:00:00+02:00', '2026-10-26T00:00:00+01:00'), 'day', 'Europe/Berlin', 'en-US'), 'Sun, Oct 25, 2026');
    assert.equal(bucketText(b('2026-10-01T00:00:00+02:00', '2026-11-01T00:00:00+01:00'), 'month', 'Europe/Berlin', 'en-US'), 'October 2026');
    assert.match(bucketText(b('2026-10-26T00:00:00+01:00', '2026-11-02T00:00:00+01:00'), 'week', 'Europe/Berlin', 'en-US'), /^Oct 26\s*–\s*Nov 1, 2026$/);
    assert.match(bucketText(b('2026-10-25T03:00:00+01:00', '2026-10-25T04:00:00+01:00'), 'hour', 'Europe/Berlin', 'en-US'), /^Oct 25, 2026, 3:00\s*–\s*4:00\s*AM$/);
    // The hours a fall-back day repeats are told apart by their zone names.
    assert.equal(bucketText(b('2026-10-25T02:00:00+02:00', '2026-10-25T02:00:00+01:00'), 'hour', 'Europe/Berlin', 'en-US'), 'Oct 25, 2026, 2:00 AM GMT+2 – 2:00 AM GMT+1');
    assert.equal(bucketText(b('2026-10-25T02:00:00+01:00', '2026-10-25T03:00:00+01:00'), 'hour', 'Europe/Berlin', 'en-US'), 'Oct 25, 2026, 2:00 AM GMT+1 – 3:00 AM GMT+1');
    assert.equal(bucketText(b('2026-10-25T02:00:00+01:00', '2026-10-25T03:00:00+01:00'), 'hour', 'Europe/Berlin', 'en-GB'), '25 Oct 2026, 02:00 CET – 03:00 CET');
    // A month clipped at asOf shows its days.
    assert.match(bucketText(b('2026-10-01T00:00:00+02:00', '2026-10-31T11:15:00+01:00'), 'month', 'Europe/Berlin', 'en-US'), /^Oct 1\s*–\s*31, 2026$/);
  });

  it('gives the time of the peak, with the date for weeks and months', () => {
    assert.equal(peakAtText(b('2026-10-25T00:00:00+02:00', '2026-10-26T00:00:00+01:00', '2026-10-25T13:20:00+01:00'), 'day', 'Europe/Berlin', 'en-GB'), '13:20');
    assert.equal(peakAtText(b('2026-10-01T00:00:00+02:00', '2026-11-01T00:00:00+01:00', '2026-10-25T13:20:00+01:00'), 'month', 'Europe/Berlin', 'en-US'), 'Oct 25, 1:20 PM');
    assert.equal(peakAtText(b('2026-10-01T00:00:00+02:00', '2026-11-01T00:00:00+01:00'), 'month', 'Europe/Berlin', 'en-US'), null);
    // A peak inside a repeated hour carries its zone name.
    assert.equal(peakAtText(b('2026-10-25T00:00:00+02:00', '2026-10-26T00:00:00+01:00', '2026-10-25T02:20:00+01:00'), 'day', 'Europe/Berlin', 'en-GB'), '02:20 CET');
    assert.equal(peakAtText(b('2026-10-25T00:00:00+02:00', '2026-10-26T00:00:00+01:00', '2026-10-25T02:20:00+02:00'), 'day', 'Europe/Berlin', 'en-GB'), '02:20 CEST');
  });
});

describe('bucketsToCsv', () => {
  it('writes BOM, CRLF, header, offsets of the zone and unrounded averages', () => {
    const r = usage('hour', '2026-10-25', '2026-10-25');
    const csv = bucketsToCsv(r.buckets, 'Europe/Berlin');
    assert.ok(csv.startsWith('\uFEFFStart,End,Available Sessions,Peak Usage,Peak At,Average Peak,Denied\r\n'));
    const lines = csv.slice(1).split('\r\n');
    assert.equal(lines.length, 1 + 25 + 1);
    assert.equal(lines.at(-1), '');
    assert.equal(lines[3].split(',')[0], '2026-10-25T02:00:00+02:00');
    assert.equal(lines[4].split(',')[0], '2026-10-25T02:00:00+01:00');
    const first = r.buckets[0];
    assert.equal(lines[1], [first.start, first.end, first.available, first.peak, first.peakAt ?? '', first.averagePeak, first.denied].join(','));
  });

  it('re-writes instants from the server in the zone, and names the file', () => {
    const csv = bucketsToCsv([{ start: '2026-10-01T22:00:00Z', end: '2026-10-02T22:00:00Z', available: 1, peak: 0, peakAt: null, averagePeak: 0, denied: 0 }], 'Europe/Berlin');
    assert.equal(csv.split('\r\n')[1], '2026-10-02T00:00:00+02:00,2026-10-03T00:00:00+02:00,1,0,,0,0');
    assert.equal(usageFileName('testcloud', '2026-10-01', '2026-10-31', 'week', 'png'), 'testcloud-license-usage_2026-10-01_2026-10-31_week.png');
  });
});
