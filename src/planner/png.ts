/**
 * The planner as a PNG that stands alone on a slide: the title, the filters and the answer, the
 * coverage chart (its SVG with computed styles inline, as the usage chart does) under its legend,
 * the weekday × hour map drawn cell by cell in the colours on screen under its colour legend,
 * and the what-if figures. Browser only.
 */
import { str } from '../shared/strings.js';
import { PNG_SCALE, serializeSvg } from '../usage-chart/png.js';

export interface PlannerPng {
  title: string;
  /** The filters in force, in words. */
  details: string;
  answer: string;
  /** "Replay: 12 licences · …", or empty. */
  whatIf: string;
  font: string;
  color: string;
  muted: string;
  background: string;
  /** The coverage legend: [label, colour of its mark]. */
  legend: [string, string][];
  /** The 168 cells' colours and numbers, Monday 00:00 first. */
  cells: string[];
  rows: string[];
  heatLegend: [string, string][];
}

const PAD = 12;
const LINE = 18;

function wrap(c: CanvasRenderingContext2D, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const next = line ? `${line} ${word}` : word;
    if (line && c.measureText(next).width > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  return [...lines, line];
}

function image(svg: SVGSVGElement): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error(str('imageDrawFailed')));
    img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(serializeSvg(svg))}`;
  });
}

export async function plannerToPng(svg: SVGSVGElement, o: PlannerPng): Promise<Blob> {
  const chart = await image(svg);
  const width = Math.max(svg.width.baseVal.value, 480);
  const chartHeight = svg.height.baseVal.value;
  const canvas = document.createElement('canvas');
  const c = canvas.getContext('2d');
  if (!c) throw new Error(str('imageDrawFailed'));
  c.font = `13px ${o.font}`;
  const answer = wrap(c, o.answer, width - 2 * PAD);
  const label = 44;
  const cell = (width - 2 * PAD - label) / 24;
  const cellHeight = Math.min(Math.max(cell, 14), 24);
  const height = PAD + 3 * LINE + answer.length * LINE + LINE + chartHeight + 2 * LINE + 7 * cellHeight + 2 * LINE + (o.whatIf ? LINE : 0) + PAD;
  canvas.width = Math.round(width * PNG_SCALE);
  canvas.height = Math.round(height * PNG_SCALE);
  c.scale(PNG_SCALE, PNG_SCALE);
  c.fillStyle = o.background;
  c.fillRect(0, 0, width, height);
  c.textBaseline = 'middle';
  let y = PAD + LINE / 2;
  const text = (t: string, x: number, font: string, color: string) => {
    c.font = `${font} ${o.font}`;
    c.fillStyle = color;
    c.fillText(t, x, y, width - x - PAD);
  };
  const legend = (items: [string, string][]) => {
    let x = PAD;
    for (const [name, color] of items) {
      c.fillStyle = color;
      c.fillRect(x, y - 5, 14, 10);
      text(name, x + 20, '12px', o.color);
      x += 20 + c.measureText(name).width + 16;
    }
    y += LINE;
  };
  text(o.title, PAD, '600 15px', o.color);
  y += LINE + 2;
  text(o.details, PAD, '12px', o.muted);
  y += LINE + 4;
  for (const line of answer) {
    text(line, PAD, '600 13px', o.color);
    y += LINE;
  }
  legend(o.legend);
  c.drawImage(chart, 0, y - LINE / 2, width, chartHeight);
  y += chartHeight + LINE / 2;
  text(str('whenTitle'), PAD, '600 13px', o.color);
  y += LINE;
  for (let h = 0; h < 24; h += 3) text(String(h), PAD + label + h * cell + 2, '11px', o.muted);
  y += LINE / 2;
  o.cells.forEach((color, i) => {
    const row = Math.floor(i / 24);
    c.fillStyle = color;
    c.fillRect(PAD + label + (i % 24) * cell, y + row * cellHeight, cell - 1, cellHeight - 1);
  });
  const top = y;
  o.rows.forEach((name, row) => {
    y = top + row * cellHeight + cellHeight / 2;
    text(name, PAD, '11px', o.muted);
  });
  y = top + 7 * cellHeight + LINE / 2 + 4;
  legend(o.heatLegend);
  if (o.whatIf) text(o.whatIf, PAD, '12px', o.color);
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error(str('imageEncodeFailed')))), 'image/png'));
}
