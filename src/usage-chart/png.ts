/**
 * The chart as a PNG that stands alone on a slide: a header with the title, the filters
 * (organization, range, interval, zone) and the legend, over the rendered SVG (the shared
 * `src/shared/png.ts` writes its computed styles inline and draws it). Browser only.
 */
import { drawLegend, drawPng, pngLook, svgImage } from '../shared/png.js';
import { orgNames } from '../shared/filters/org-tree.js';
import { str } from '../shared/strings.js';
import type { UsageResponse } from '../core/types.js';
import type { PngText } from './export.js';
import { dayText, INTERVAL_NAME } from './panels.js';

export { PNG_SCALE } from '../shared/png.js';

/** Height of the header above the chart (title, filters, legend), in CSS pixels. */
export const PNG_TITLE_HEIGHT = 84;

/** A legend entry as the PNG draws it: a swatch like the series' mark, and its name. */
interface PngLegendItem {
  label: string;
  kind: 'area' | 'bar' | 'line' | 'hatch' | 'ghost';
  color: string;
  /** The hatch's ground (the bars' colour). */
  ground?: string;
}

/** The PNG of the chart: `width × (height + title)` CSS pixels at PNG_SCALE. */
export async function chartToPng(host: Element, svg: SVGSVGElement, data: UsageResponse, text: PngText): Promise<Blob> {
  const width = svg.width.baseVal.value;
  const height = svg.height.baseVal.value;
  const o = { title: text.title, details: filtersText(data, text.organizationIds, text.locale), ...pngLook(host), legend: pngLegend(svg, text.capacity) };
  const image = await svgImage(svg);
  return drawPng(width, height + PNG_TITLE_HEIGHT, o.background, (c) => {
    // Title, filters and legend, each on its line, cut to the image's width.
    const max = width - 24;
    c.fillStyle = o.color;
    c.font = `600 15px ${o.font}`;
    c.fillText(o.title, 12, 16, max);
    c.fillStyle = o.muted;
    c.font = `400 12px ${o.font}`;
    c.fillText(o.details, 12, 38, max);
    drawLegend(c, o.legend, 62, width, o, (item, x) => drawSwatch(c, item, x, 62));
    c.drawImage(image, 0, PNG_TITLE_HEIGHT, width, height);
  });
}

function drawSwatch(context: CanvasRenderingContext2D, item: PngLegendItem, x: number, y: number): void {
  switch (item.kind) {
    case 'area':
      context.globalAlpha = 0.35;
      context.fillStyle = item.color;
      context.fillRect(x, y - 4, 14, 9);
      context.globalAlpha = 1;
      context.fillRect(x, y - 5, 14, 2);
      break;
    case 'bar':
      context.fillStyle = item.color;
      context.fillRect(x, y - 5, 14, 10);
      break;
    case 'line':
    case 'ghost':
      context.strokeStyle = item.color;
      context.lineWidth = item.kind === 'line' ? 3 : 2;
      context.setLineDash(item.kind === 'line' ? [0.5, 4] : [4, 3]);
      context.lineCap = 'round';
      context.beginPath();
      context.moveTo(x + 1, y);
      context.lineTo(x + 14, y);
      context.stroke();
      break;
    case 'hatch':
      context.fillStyle = item.ground ?? item.color;
      context.fillRect(x, y - 5, 14, 10);
      context.strokeStyle = item.color;
      context.lineWidth = 2;
      context.beginPath();
      for (let k = -10; k < 14; k += 5) {
        context.moveTo(x + k, y + 5);
        context.lineTo(x + k + 10, y - 5);
      }
      context.rect(x, y - 5, 14, 10);
      context.clip();
      context.stroke();
      break;
  }
}

/** The legend as the chart draws it now: the series shown (their colours read off the SVG). */
function pngLegend(svg: SVGSVGElement, capacity: boolean): PngLegendItem[] {
  const paint = (selector: string, property: 'fill' | 'stroke') => {
    const node = svg.querySelector(selector);
    return node ? getComputedStyle(node)[property] : null;
  };
  const items: PngLegendItem[] = [];
  const available = paint('.available-line', 'stroke');
  const peak = paint('.bar', 'fill');
  const average = paint('.average-line', 'stroke');
  const previous = paint('.previous-peaks', 'stroke');
  if (available) items.push({ label: str('availableSessions'), kind: 'area', color: available });
  if (peak) items.push({ label: str('peakUsage'), kind: 'bar', color: peak });
  if (average) items.push({ label: str('averagePeak'), kind: 'line', color: average });
  if (previous) items.push({ label: str('previousPeriod'), kind: 'ghost', color: previous });
  const hatch = paint('.hatch-stripe', 'fill');
  if (capacity && hatch) items.push({ label: str('atCapacity'), kind: 'hatch', color: hatch, ground: peak ?? hatch });
  return items;
}

/** The filters of a response in words, for an image that stands alone: organization · range · interval · zone. */
function filtersText(data: UsageResponse, organizationIds: readonly string[], locale: string): string {
  return [
    orgNames(organizationIds, data.organizations) || str('allOrganizations'),
    `${dayText(data.from, locale)} – ${dayText(data.to, locale)}`,
    `${str('interval')}: ${str(INTERVAL_NAME[data.interval])}`,
    data.timeZone,
  ].join(' · ');
}
