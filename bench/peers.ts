/**
 * The peers of the usage chart in the comparison bench (bench/compare-page.ts): the same report
 * drawn with uPlot and with Chart.js (without animation), at the size of the element's plot. Each
 * draws the three series the element draws: Available Sessions as a filled step area, Peak Usage as
 * bars, Average Peak as a dotted line, with axes, a legend and a tooltip that follows the pointer.
 * Configured the way each library's documentation recommends for speed, nothing more.
 */
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';
import type { UsageResponse } from '../src/core/types.js';

Chart.register(BarController, LineController, BarElement, LineElement, PointElement, CategoryScale, LinearScale, Filler, Legend, Tooltip);

const AVAILABLE = '#7f9fd9';
const PEAK = '#2f6fde';
const AVERAGE = '#d9480f';
const FONT = '12px system-ui, sans-serif';

/** A peer chart: new data in, and the box a pointer sweep crosses. */
export interface PeerChart {
  setData(report: UsageResponse): void;
  /** The data area, in viewport coordinates. */
  plotBox(): DOMRect;
  destroy(): void;
}

// ------------------------------------------------------------------------------------------------
// uPlot

type UPlotData = [number[], number[], number[], number[]];

function uplotData(report: UsageResponse): UPlotData {
  const n = report.buckets.length;
  const x = new Array<number>(n);
  const available = new Array<number>(n);
  const peak = new Array<number>(n);
  const average = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const b = report.buckets[i];
    x[i] = Date.parse(b.start) / 1000;
    available[i] = b.available;
    peak[i] = b.peak;
    average[i] = b.averagePeak;
  }
  return [x, available, peak, average];
}

/** A tooltip in the style of uPlot's own demo (demos/tooltips.html): a div moved by the setCursor hook. */
function uplotTooltip(): uPlot.Plugin {
  let tip: HTMLDivElement;
  return {
    hooks: {
      init: (u) => {
        tip = document.createElement('div');
        tip.style.cssText = `position:absolute;pointer-events:none;background:#fff;border:1px solid #d8dde6;border-radius:6px;padding:6px 8px;font:${FONT};display:none;white-space:nowrap;z-index:10`;
        u.over.append(tip);
      },
      setCursor: (u) => {
        const i = u.cursor.idx;
        if (i == null) {
          tip.style.display = 'none';
          return;
        }
        const [x, available, peak, average] = u.data as unknown as UPlotData;
        tip.textContent = '';
        const day = new Date(x[i] * 1000).toISOString().slice(0, 10);
        for (const line of [day, `Peak Usage ${peak[i]}`, `Average Peak ${average[i].toFixed(1)}`, `Available Sessions ${available[i]}`]) {
          const row = document.createElement('div');
          row.textContent = line;
          tip.append(row);
        }
        tip.style.display = 'block';
        const left = u.cursor.left ?? 0;
        tip.style.transform = `translate(${left + 12 > u.over.clientWidth - 180 ? left - 190 : left + 12}px, 8px)`;
      },
    },
  };
}

export function createUPlot(container: HTMLElement, report: UsageResponse, width: number, height: number): PeerChart {
  const opts: uPlot.Options = {
    width,
    height,
    pxAlign: 0,
    scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, Math.max(1, max)] } },
    series: [
      {},
      { label: 'Available Sessions', stroke: AVAILABLE, fill: 'rgba(127,159,217,0.28)', width: 1.5, paths: uPlot.paths.stepped!({ align: 1 }), points: { show: false } },
      { label: 'Peak Usage', fill: PEAK, stroke: PEAK, width: 0, paths: uPlot.paths.bars!({ size: [0.7, 40] }), points: { show: false } },
      { label: 'Average Peak', stroke: AVERAGE, width: 2, dash: [2, 4], points: { show: false } },
    ],
    axes: [{ font: FONT }, { font: FONT }],
    legend: { show: true, live: false },
    cursor: { drag: { x: false, y: false }, points: { show: false } },
    plugins: [uplotTooltip()],
  };
  const u = new uPlot(opts, uplotData(report) as unknown as uPlot.AlignedData, container);
  return {
    setData: (r) => u.setData(uplotData(r) as unknown as uPlot.AlignedData),
    plotBox: () => u.over.getBoundingClientRect(),
    destroy: () => u.destroy(),
  };
}

// ------------------------------------------------------------------------------------------------
// Chart.js

interface ChartJsData {
  labels: string[];
  available: number[];
  peak: number[];
  average: number[];
}

function chartJsData(report: UsageResponse): ChartJsData {
  const n = report.buckets.length;
  const out: ChartJsData = { labels: new Array(n), available: new Array(n), peak: new Array(n), average: new Array(n) };
  for (let i = 0; i < n; i++) {
    const b = report.buckets[i];
    out.labels[i] = b.start.slice(0, 10);
    out.available[i] = b.available;
    out.peak[i] = b.peak;
    out.average[i] = b.averagePeak;
  }
  return out;
}

export function createChartJs(container: HTMLElement, report: UsageResponse, width: number, height: number): PeerChart {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  canvas.style.width = `${width}px`;
  canvas.style.height = `${height}px`;
  container.append(canvas);
  const d = chartJsData(report);
  const chart = new Chart(canvas, {
    type: 'bar',
    data: {
      labels: d.labels,
      datasets: [
        { type: 'line', label: 'Available Sessions', data: d.available, stepped: 'after', fill: 'origin', borderColor: AVAILABLE, backgroundColor: 'rgba(127,159,217,0.28)', borderWidth: 1.5, pointRadius: 0, order: 3 },
        { type: 'bar', label: 'Peak Usage', data: d.peak, backgroundColor: PEAK, categoryPercentage: 0.9, barPercentage: 0.8, order: 2 },
        { type: 'line', label: 'Average Peak', data: d.average, borderColor: AVERAGE, borderDash: [2, 4], borderWidth: 2, pointRadius: 0, order: 1 },
      ],
    },
    options: {
      // Chart.js's performance guide: no animation, fixed size, normalized data, sampled tick widths.
      animation: false,
      responsive: false,
      normalized: true,
      interaction: { mode: 'index', intersect: false },
      plugins: { legend: { display: true }, tooltip: { enabled: true } },
      scales: {
        x: { ticks: { maxRotation: 0, autoSkip: true, sampleSize: 20 }, grid: { display: false } },
        y: { beginAtZero: true, ticks: { sampleSize: 20 } },
      },
    },
  });
  return {
    setData: (r) => {
      const next = chartJsData(r);
      chart.data.labels = next.labels;
      chart.data.datasets[0].data = next.available;
      chart.data.datasets[1].data = next.peak;
      chart.data.datasets[2].data = next.average;
      chart.update('none');
    },
    plotBox: () => {
      const box = canvas.getBoundingClientRect();
      const area = chart.chartArea;
      return new DOMRect(box.left + area.left, box.top + area.top, area.right - area.left, area.bottom - area.top);
    },
    destroy: () => {
      chart.destroy();
      canvas.remove();
    },
  };
}
