/**
 * The chart as a PNG that stands alone on a slide: a header with the title, the filters
 * (organization, range, interval, zone) and the legend, over the rendered SVG with its computed
 * styles written inline (so custom properties and the shadow root's CSS survive outside the
 * page). Browser only.
 */

import { str } from '../shared/strings.js';

const STYLE_PROPERTIES = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-linecap',
  'stroke-opacity',
  'opacity',
  'visibility',
  'display',
  'font-family',
  'font-size',
  'font-weight',
  'text-anchor',
  'dominant-baseline',
  'shape-rendering',
];

/** Height of the header above the chart (title, filters, legend), in CSS pixels. */
export const PNG_TITLE_HEIGHT = 84;
/** The PNG has this many pixels per CSS pixel of the chart. */
export const PNG_SCALE = 2;

/** A legend entry as the PNG draws it: a swatch like the series' mark, and its name. */
export interface PngLegendItem {
  label: string;
  kind: 'area' | 'bar' | 'line' | 'hatch' | 'ghost';
  color: string;
  /** The hatch's ground (the bars' colour). */
  ground?: string;
}

export interface PngOptions {
  title: string;
  /** One line under the title: the filters in force. */
  details: string;
  legend: readonly PngLegendItem[];
  background: string;
  color: string;
  muted: string;
  fontFamily: string;
}

/** A standalone SVG document of `svg` as it looks now. */
export function serializeSvg(svg: SVGSVGElement): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const sources = [svg, ...svg.querySelectorAll('*')];
  const copies = [clone, ...clone.querySelectorAll('*')];
  sources.forEach((source, i) => {
    const copy = copies[i] as SVGElement;
    const computed = getComputedStyle(source);
    // Through the CSSOM, not setAttribute('style'): a page whose CSP forbids inline styles
    // (no 'unsafe-inline' in style-src) blocks the attribute, but never the CSSOM.
    for (const name of STYLE_PROPERTIES) copy.style.setProperty(name, computed.getPropertyValue(name));
    copy.removeAttribute('class');
  });
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  return new XMLSerializer().serializeToString(clone);
}

function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error(str('imageDrawFailed')));
    image.src = url;
  });
}

/** The PNG of the chart: `width × (height + title)` CSS pixels at PNG_SCALE. */
export async function chartToPng(svg: SVGSVGElement, options: PngOptions): Promise<Blob> {
  const width = svg.width.baseVal.value;
  const height = svg.height.baseVal.value;
  const image = await loadImage(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(serializeSvg(svg))}`);
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * PNG_SCALE);
  canvas.height = Math.round((height + PNG_TITLE_HEIGHT) * PNG_SCALE);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2D canvas');
  context.scale(PNG_SCALE, PNG_SCALE);
  context.fillStyle = options.background;
  context.fillRect(0, 0, width, height + PNG_TITLE_HEIGHT);
  drawHeader(context, options, width);
  context.drawImage(image, 0, PNG_TITLE_HEIGHT, width, height);
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error(str('imageEncodeFailed')))), 'image/png'),
  );
}

/** Title, filters and legend, each on its line, cut to the image's width. */
function drawHeader(context: CanvasRenderingContext2D, o: PngOptions, width: number): void {
  const max = width - 24;
  context.textBaseline = 'middle';
  context.fillStyle = o.color;
  context.font = `600 15px ${o.fontFamily}`;
  context.fillText(o.title, 12, 16, max);
  context.fillStyle = o.muted;
  context.font = `400 12px ${o.fontFamily}`;
  context.fillText(o.details, 12, 38, max);
  let x = 12;
  const y = 62;
  for (const item of o.legend) {
    const labelWidth = context.measureText(item.label).width;
    if (x + 20 + labelWidth > width - 12) break;
    drawSwatch(context, item, x, y);
    context.fillStyle = o.color;
    context.fillText(item.label, x + 20, y);
    x += 20 + labelWidth + 18;
  }
}

function drawSwatch(context: CanvasRenderingContext2D, item: PngLegendItem, x: number, y: number): void {
  context.save();
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
  context.restore();
}
