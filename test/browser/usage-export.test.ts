// Both exports: the CSV of the buckets (CONTRACT 6 rules, parsed back) and the PNG of the chart
// (a real PNG of the right size), each after a cancelable `kre-export`.
import { expect } from '@open-wc/testing';
import type PapaType from 'papaparse';
import { downloads } from './downloads.js';
import { loadPapa } from './papaparse.js';
import { formatInstant } from '../../src/core/tz.js';
import type { ExportEvent } from '../../src/shared/events.js';
import { PNG_SCALE, PNG_TITLE_HEIGHT } from '../../src/usage-chart/png.js';
import { $, expected, mount, rectsOf, settled, useMockService, ZONE } from './usage-fixtures.js';

let Papa: typeof PapaType;
before(async () => {
  Papa = await loadPapa();
});

describe('<kre-license-usage> export', () => {
  useMockService();

  it('exports the buckets as CSV: BOM, CRLF, header, instants with offsets, every bucket', async () => {
    const el = await mount('interval="hour" from="2026-10-24" to="2026-10-26"');
    await settled(el);
    const events: ExportEvent[] = [];
    el.addEventListener('kre-export', (e) => events.push(e));
    const [file] = await downloads(async () => {
      $<HTMLButtonElement>(el, '[part~="export-csv"]')!.click();
      await el.updateComplete;
    });
    expect(events.length).to.equal(1);
    expect(events[0].cancelable).to.equal(true);
    expect(events[0].detail).to.deep.include({ format: 'csv', fileName: 'kre-license-usage_2026-10-24_2026-10-26_hour.csv', product: 'kre' });
    expect(events[0].detail.filters).to.deep.include({ interval: 'hour', from: '2026-10-24', to: '2026-10-26' });
    expect(file.name).to.equal('kre-license-usage_2026-10-24_2026-10-26_hour.csv');
    expect(file.blob.type).to.match(/^text\/csv/);

    const bytes = new Uint8Array(await file.blob.arrayBuffer());
    expect([...bytes.slice(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    expect(text.split('\r\n').at(-1)).to.equal('');
    expect(text.replace(/\r\n/g, '')).to.not.match(/[\r\n]/);
    const parsed = Papa.parse<string[]>(text.trimEnd(), { newline: '\r\n' });
    expect(parsed.errors).to.deep.equal([]);
    const [header, ...rows] = parsed.data;
    expect(header).to.deep.equal(['Start', 'End', 'Available Sessions', 'Peak Usage', 'Peak At', 'Average Peak', 'Denied']);
    const want = expected({ interval: 'hour', from: '2026-10-24', to: '2026-10-26' }).buckets;
    expect(rows.length).to.equal(want.length);
    expect(rows.length).to.equal(24 + 25 + 24);
    rows.forEach((row, i) => {
      const b = want[i];
      expect(row).to.deep.equal([
        formatInstant(Date.parse(b.start), ZONE),
        formatInstant(Date.parse(b.end), ZONE),
        String(b.available),
        String(b.peak),
        b.peakAt === null ? '' : formatInstant(Date.parse(b.peakAt), ZONE),
        String(b.averagePeak),
        String(b.denied),
      ]);
    });
    expect(rows.some((r) => r[6] !== '0'), 'some hour had denials').to.equal(true);
    // The repeated hour of the DST change keeps both offsets apart.
    expect(rows.filter((r) => r[0].startsWith('2026-10-25T02:00:00')).map((r) => r[0])).to.deep.equal([
      '2026-10-25T02:00:00+02:00',
      '2026-10-25T02:00:00+01:00',
    ]);
  });

  it('a cancelled kre-export downloads nothing', async () => {
    const el = await mount();
    await settled(el);
    el.addEventListener('kre-export', (e) => e.preventDefault());
    const files = await downloads(async () => {
      expect(await el.exportCsv()).to.equal(false);
      expect(await el.exportPng()).to.equal(false);
    }, 0);
    expect(files).to.deep.equal([]);
  });

  it('exports the chart as a PNG of the right size', async () => {
    const el = await mount('', { width: 900 });
    await settled(el);
    const svg = $<SVGSVGElement>(el, '.chart-svg')!;
    const width = svg.width.baseVal.value;
    const height = svg.height.baseVal.value;
    const events: ExportEvent[] = [];
    el.addEventListener('kre-export', (e) => events.push(e));
    const [file] = await downloads(() => el.exportPng());
    expect(events[0].detail).to.deep.include({ format: 'png', fileName: 'kre-license-usage_2026-10-01_2026-10-31_day.png' });
    expect(file.name).to.equal('kre-license-usage_2026-10-01_2026-10-31_day.png');
    expect(file.blob.type).to.equal('image/png');
    const bytes = new Uint8Array(await file.blob.arrayBuffer());
    expect([...bytes.slice(0, 8)]).to.deep.equal([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const view = new DataView(bytes.buffer);
    expect(new TextDecoder().decode(bytes.slice(12, 16))).to.equal('IHDR');
    expect(view.getUint32(16)).to.equal(Math.round(width * PNG_SCALE));
    expect(view.getUint32(20)).to.equal(Math.round((height + PNG_TITLE_HEIGHT) * PNG_SCALE));
    // It draws the chart: decode it and find the bars' colour.
    const bitmap = await createImageBitmap(file.blob);
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext('2d')!;
    context.drawImage(bitmap, 0, 0);
    const bar = rectsOf(el)[0];
    const left = Number(svg.querySelector('g')!.getAttribute('transform')!.match(/translate\(([\d.]+)/)![1]);
    const top = Number(svg.querySelector('g')!.getAttribute('transform')!.match(/translate\([\d.]+ ([\d.]+)/)![1]);
    const px = context.getImageData(Math.round((left + bar.x + bar.width / 2) * PNG_SCALE), Math.round((PNG_TITLE_HEIGHT + top + bar.y + bar.height - 2) * PNG_SCALE), 1, 1).data;
    expect([...px.slice(0, 3)]).to.deep.equal([0x2f, 0x6f, 0xde]);
  });

  it('exports the PNG from the table view too', async () => {
    const el = await mount();
    await settled(el);
    $<HTMLButtonElement>(el, '[part~="table-button"]')!.click();
    await el.updateComplete;
    const [file] = await downloads(() => el.exportPng());
    expect(file.blob.type).to.equal('image/png');
  });
});
