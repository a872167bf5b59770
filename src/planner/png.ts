/**
 * The planner as a PNG that stands alone on a slide: the title, the filters and the answer, the
 * coverage chart (its SVG as on screen) under its legend, the weekday × hour map drawn cell by
 * cell in the colours on screen under its colour legend, and the replay's figures. Everything but
 * the filters is read off the rendered element. Browser only.
 */
import { drawLegend, drawPng, pngLook, svgImage, type PngLegendEntry } from '../shared/png.js';
import { str } from '../shared/strings.js';
import { LEGEND } from './coverage-view.js';

const PAD = 12;
const LINE = 18;

/** Words of `text` in lines no wider than `width` (in the context's font). */
function wrap(c: CanvasRenderingContext2D, text: string, width: number): string[] {
  const lines = [''];
  for (const word of text.split(' ')) {
    const line = lines[lines.length - 1];
    if (line && c.measureText(`${line} ${word}`).width > width) lines.push(word);
    else lines[lines.length - 1] = line ? `${line} ${word}` : word;
  }
  return lines;
}

/** `details`: the filters in force, in words. */
export async function plannerPng(host: HTMLElement, svg: SVGSVGElement, details: string): Promise<Blob> {
  const root = host.shadowRoot!;
  const look = pngLook(host);
  const text = (selector: string) => root.querySelector(selector)?.textContent?.trim() ?? '';
  // "Replay: 12 licenses · Refused requests 41 · …", once the replay is shown.
  const rows = [...root.querySelectorAll('.compare tr')].map((tr) => [tr.firstElementChild!.textContent, tr.lastElementChild!.textContent]);
  const whatIf = rows[0]?.[1] === '…' ? '' : rows.map(([name, value]) => (name ? `${name} ${value}` : value)).join(' · ');
  const style = (selector: string) => root.querySelector(selector) && getComputedStyle(root.querySelector(selector)!);
  const legend: PngLegendEntry[] = LEGEND.map((key, i) => {
    const s = style(['.level-bar', '.cum-line', '.mark-available .mark-rule'][i]);
    return { label: str(key), color: s ? (i ? s.stroke : s.fill) : look.color };
  });
  const heatLegend = [...root.querySelectorAll('[part="heat-legend"] .legend-key')].map((key) => ({
    label: key.textContent ?? '',
    color: getComputedStyle(key.firstElementChild!).backgroundColor,
  }));
  const cells = [...root.querySelectorAll('td.cell')].map((td) => getComputedStyle(td).backgroundColor);
  const days = [...root.querySelectorAll('.heatmap tbody th')].map((th) => th.textContent ?? '');
  const chart = await svgImage(svg);
  const width = Math.max(svg.width.baseVal.value, 480);
  const chartHeight = svg.height.baseVal.value;
  const cell = (width - 2 * PAD - 44) / 24;
  const cellHeight = Math.min(Math.max(cell, 14), 24);
  const measure = document.createElement('canvas').getContext('2d')!;
  measure.font = `600 13px ${look.font}`;
  const answer = wrap(measure, text('.answer'), width - 2 * PAD);
  const height = 2 * PAD + (8 + answer.length + (whatIf ? 1 : 0)) * LINE + chartHeight + 7 * cellHeight;
  return drawPng(width, height, look.background, (c) => {
    let y = PAD + LINE / 2;
    const write = (words: string, x: number, font: string, color = look.color) => {
      c.font = `${font} ${look.font}`;
      c.fillStyle = color;
      c.fillText(words, x, y, width - x - PAD);
    };
    write(text('.title'), PAD, '600 15px');
    y += LINE + 2;
    write(details, PAD, '12px', look.muted);
    y += LINE + 4;
    for (const line of answer) {
      write(line, PAD, '600 13px');
      y += LINE;
    }
    drawLegend(c, legend, y, width, look);
    c.drawImage(chart, 0, y + LINE / 2, width, chartHeight);
    y += LINE + chartHeight + LINE / 2;
    write(str('whenTitle'), PAD, '600 13px');
    y += LINE;
    for (let h = 0; h < 24; h += 3) write(String(h), PAD + 44 + h * cell + 2, '11px', look.muted);
    y += LINE / 2;
    const top = y;
    cells.forEach((color, i) => {
      c.fillStyle = color;
      c.fillRect(PAD + 44 + (i % 24) * cell, top + Math.floor(i / 24) * cellHeight, cell - 1, cellHeight - 1);
    });
    days.forEach((day, row) => {
      y = top + (row + 0.5) * cellHeight;
      write(day, PAD, '11px', look.muted);
    });
    y = top + 7 * cellHeight + LINE / 2 + 4;
    drawLegend(c, heatLegend, y, width, look);
    y += LINE;
    if (whatIf) write(whatIf, PAD, '12px');
  });
}
