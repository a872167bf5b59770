/**
 * The chart as a PNG: the rendered SVG with its computed styles written inline (so custom
 * properties and the shadow root's CSS survive outside the page), drawn on a canvas under a title
 * line. Browser only.
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

/** Height of the title band above the chart, in CSS pixels. */
export const PNG_TITLE_HEIGHT = 32;
/** The PNG has this many pixels per CSS pixel of the chart. */
export const PNG_SCALE = 2;

export interface PngOptions {
  title: string;
  background: string;
  color: string;
  font: string;
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
  context.fillStyle = options.color;
  context.font = options.font;
  context.textBaseline = 'middle';
  context.fillText(options.title, 8, PNG_TITLE_HEIGHT / 2, width - 16);
  context.drawImage(image, 0, PNG_TITLE_HEIGHT, width, height);
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error(str('imageEncodeFailed')))), 'image/png'),
  );
}
