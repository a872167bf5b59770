/**
 * A report as a PNG that stands alone on a slide (browser only): its SVG as it looks now, with the
 * computed styles written inline (so custom properties and the shadow root's CSS survive outside
 * the page), drawn on a canvas under lines of text and legends in the element's own colours.
 */
import { str } from './strings.js';

/** The PNG has this many pixels per CSS pixel of the element. */
export const PNG_SCALE = 2;

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

/** A standalone SVG document of `svg` as it looks now. */
export function serializeSvg(svg: SVGSVGElement): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const copies = [clone, ...clone.querySelectorAll('*')];
  [svg, ...svg.querySelectorAll('*')].forEach((source, i) => {
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

/** `svg` as an image to draw on a canvas. */
export function svgImage(svg: SVGSVGElement): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error(str('imageDrawFailed')));
    image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(serializeSvg(svg))}`;
  });
}

/** The element's font and colours, as the image repeats them. */
export interface PngLook {
  font: string;
  color: string;
  /** Secondary text: the colour of the chart's tick labels. */
  muted: string;
  /** Never transparent (a transparent host would give a transparent PNG): white then. */
  background: string;
}

export function pngLook(host: Element): PngLook {
  const style = getComputedStyle(host);
  const tick = (host.shadowRoot ?? host).querySelector('.tick-label');
  return {
    font: style.fontFamily,
    color: style.color,
    muted: tick ? getComputedStyle(tick).fill : style.color,
    background: /^rgba\(.*,\s*0\)$|^transparent$/.test(style.backgroundColor) ? '#ffffff' : style.backgroundColor,
  };
}

/**
 * A PNG of `width × height` CSS pixels at PNG_SCALE: the background, then whatever `draw` paints
 * (text baselines in the middle).
 */
export function drawPng(width: number, height: number, background: string, draw: (c: CanvasRenderingContext2D) => void): Promise<Blob> {
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * PNG_SCALE);
  canvas.height = Math.round(height * PNG_SCALE);
  const c = canvas.getContext('2d');
  if (!c) return Promise.reject(new Error(str('imageDrawFailed')));
  c.scale(PNG_SCALE, PNG_SCALE);
  c.fillStyle = background;
  c.fillRect(0, 0, width, height);
  c.textBaseline = 'middle';
  draw(c);
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error(str('imageEncodeFailed')))), 'image/png'));
}

/** A legend entry of an image: a swatch of `color` (or drawn by the legend's `swatch`) and its label. */
export interface PngLegendEntry {
  label: string;
  color: string;
}

/**
 * One line of legend from x = 12 at `y` in `font`: swatch, label, next; an entry that would pass
 * `width - 12` is left out with the ones after it.
 */
export function drawLegend<T extends PngLegendEntry>(
  c: CanvasRenderingContext2D,
  entries: readonly T[],
  y: number,
  width: number,
  { color, font }: Pick<PngLook, 'color' | 'font'>,
  swatch = (e: T, x: number) => {
    c.fillStyle = e.color;
    c.fillRect(x, y - 5, 14, 10);
  },
): void {
  let x = 12;
  c.font = `400 12px ${font}`;
  for (const e of entries) {
    const w = c.measureText(e.label).width;
    if (x + 20 + w > width - 12) break;
    c.save();
    swatch(e, x);
    c.restore();
    c.fillStyle = color;
    c.fillText(e.label, x + 20, y);
    x += 38 + w;
  }
}
