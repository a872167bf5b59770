// The planner's exports, each after a cancelable `kre-export`: the coverage and the hours as CSV
// (CONTRACT 6 rules, parsed back, every number equal to core's) and the whole report as a PNG
// (a real PNG that carries the chart and the map in their colours).
import { expect } from '@open-wc/testing';
import type PapaType from 'papaparse';
import { downloads, type Download } from './downloads.js';
import { loadPapa } from './papaparse.js';
import type { ExportEvent } from '../../src/shared/events.js';
import { PNG_SCALE } from '../../src/shared/png.js';
import { $, $$, DST_CASES, expected, LATER, mount, serve, settled, useMockService } from './planner-fixtures.js';

let Papa: typeof PapaType;
before(async () => {
  Papa = await loadPapa();
});

/** The rows of a CSV file after checking the rules: BOM, CRLF only, RFC 4180. */
async function csvRows(file: Download): Promise<string[][]> {
  const bytes = new Uint8Array(await file.blob.arrayBuffer());
  expect([...bytes.slice(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
  const text = new TextDecoder().decode(bytes.slice(3));
  expect(text.endsWith('\r\n')).to.equal(true);
  expect(text.replace(/\r\n/g, '')).to.not.match(/[\r\n]/);
  const parsed = Papa.parse<string[]>(text.trimEnd(), { newline: '\r\n' });
  expect(parsed.errors).to.deep.equal([]);
  return parsed.data;
}

describe('<kre-license-planner> export', () => {
  useMockService();
  const c = DST_CASES[0];
  const attrs = `from="${c.from}" to="${c.to}" time-zone="${c.timeZone}"`;
  beforeEach(() => serve(c.dataset, LATER));

  it('the coverage as CSV: a row per level with its seconds, shares and marks', async () => {
    const el = await mount(attrs);
    await settled(el);
    const events: ExportEvent[] = [];
    el.addEventListener('kre-export', (e) => events.push(e));
    const [file] = await downloads(async () => {
      $<HTMLButtonElement>(el, '[part~="export-coverage"]')!.click();
      await el.updateComplete;
    });
    expect(events.length).to.equal(1);
    expect(events[0].cancelable).to.equal(true);
    expect(events[0].detail).to.deep.include({ format: 'csv', fileName: 'kre-license-planner-coverage_2026-10-19_2026-10-25.csv', product: 'kre' });
    expect(events[0].detail.filters).to.deep.include({ from: c.from, to: c.to, timeZone: c.timeZone, licenses: null });
    expect(file.name).to.equal('kre-license-planner-coverage_2026-10-19_2026-10-25.csv');
    expect(file.blob.type).to.match(/^text\/csv/);
    const d = expected({ from: c.from, to: c.to, timeZone: c.timeZone }, c.dataset);
    const [header, ...rows] = await csvRows(file);
    expect(header).to.deep.equal(['Licenses In Use', 'Seconds', 'Share Of Time', 'Share At Or Below', 'Marks']);
    let below = 0;
    expect(rows).to.deep.equal(
      d.levels.map((l) => {
        below += l.seconds;
        const marks = (['p50', 'p90', 'p95', 'p99', 'max'] as const).filter((m) => d.coverage[m] === l.level).join(' ');
        return [String(l.level), String(l.seconds), String(l.seconds / d.seconds), String(Math.min(1, below / d.seconds)), marks];
      }),
    );
    expect(rows.at(-1)![3]).to.equal('1');
  });

  it('the hours as CSV: 168 rows, Monday 00:00 first, with both numbers unrounded', async () => {
    const el = await mount(attrs);
    await settled(el);
    const [file] = await downloads(() => el.exportCsv('hours'));
    expect(file.name).to.equal('kre-license-planner-hours_2026-10-19_2026-10-25.csv');
    const [header, ...rows] = await csvRows(file);
    expect(header).to.deep.equal(['Weekday', 'Day', 'Hour', 'Peak', 'Average Peak']);
    const d = expected({ from: c.from, to: c.to, timeZone: c.timeZone }, c.dataset);
    expect(rows.length).to.equal(168);
    const days = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
    expect(rows).to.deep.equal(d.byHour.map((h) => [String(h.weekday), days[h.weekday - 1], `${String(h.hour).padStart(2, '0')}:00`, String(h.peak), String(h.averagePeak)]));
    expect(rows[6 * 24 + 2]).to.deep.equal(['7', 'Sunday', '02:00', '2', '1.5']);
  });

  it('a cancelled kre-export downloads nothing', async () => {
    const el = await mount(attrs);
    await settled(el);
    el.addEventListener('kre-export', (e) => e.preventDefault());
    const files = await downloads(async () => {
      expect(await el.exportCsv('coverage')).to.equal(false);
      expect(await el.exportCsv('hours')).to.equal(false);
      expect(await el.exportPng()).to.equal(false);
    }, 0);
    expect(files).to.deep.equal([]);
  });

  it('the report as a PNG: the chart and the map in their colours', async () => {
    const el = await mount(attrs, { width: 900 });
    await settled(el);
    const svg = $<SVGSVGElement>(el, '.coverage-svg')!;
    const events: ExportEvent[] = [];
    el.addEventListener('kre-export', (e) => events.push(e));
    const [file] = await downloads(() => el.exportPng());
    expect(events[0].detail).to.deep.include({ format: 'png', fileName: 'kre-license-planner_2026-10-19_2026-10-25.png' });
    expect(file.name).to.equal('kre-license-planner_2026-10-19_2026-10-25.png');
    expect(file.blob.type).to.equal('image/png');
    const bitmap = await createImageBitmap(file.blob);
    expect(bitmap.width).to.equal(Math.round(svg.width.baseVal.value * PNG_SCALE));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext('2d')!;
    context.drawImage(bitmap, 0, 0);
    const pixels = context.getImageData(0, 0, bitmap.width, bitmap.height).data;
    const colours = new Set<string>();
    for (let i = 0; i < pixels.length; i += 4) colours.add(`rgb(${pixels[i]}, ${pixels[i + 1]}, ${pixels[i + 2]})`);
    // The strongest cell of the map and the coverage line, as the element paints them.
    expect(colours.has(getComputedStyle($(el, '.heatmap td.h5')!).backgroundColor)).to.equal(true);
    expect(colours.has(getComputedStyle($(el, '.cum-line')!).stroke)).to.equal(true);
  });

  it('the PNG from the table view too, and the buttons wait while loading', async () => {
    const el = await mount(attrs);
    await settled(el);
    $<HTMLButtonElement>(el, '[part~="table-button"]')!.click();
    await el.updateComplete;
    const [file] = await downloads(() => el.exportPng());
    expect(file.blob.type).to.equal('image/png');
    el.fetch = () => new Promise<Response>(() => {});
    el.from = '2026-10-20';
    await el.updateComplete;
    expect($$<HTMLButtonElement>(el, '[part~="export-button"]').map((b) => b.disabled)).to.deep.equal([true, true, true]);
  });
});
