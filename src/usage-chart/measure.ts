/**
 * Widths of the chart's tick labels as the browser renders them (a 2D canvas measures text in a
 * font exactly as SVG text draws it), so that labels are spaced by their real widths and never
 * collide. Cached per font and text.
 */
import type { Measure } from './labels.js';

let context: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D | null | undefined;
const widths = new Map<string, number>();

function canvasContext(): CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D | null {
  if (context === undefined) {
    context =
      typeof OffscreenCanvas === 'function'
        ? new OffscreenCanvas(1, 1).getContext('2d')
        : typeof document === 'undefined'
          ? null
          : document.createElement('canvas').getContext('2d');
  }
  return context;
}

/** A measure of 12 px labels in `fontFamily` (bold: the context line's weight, 600). */
export function labelMeasure(fontFamily: string): Measure | undefined {
  const ctx = canvasContext();
  if (!ctx) return undefined;
  return (text, bold = false) => {
    const font = `${bold ? 600 : 400} 12px ${fontFamily}`;
    const key = `${font}\u0000${text}`;
    let width = widths.get(key);
    if (width === undefined) {
      ctx.font = font;
      width = ctx.measureText(text).width;
      if (widths.size > 5000) widths.clear();
      widths.set(key, width);
    }
    return width;
  };
}
