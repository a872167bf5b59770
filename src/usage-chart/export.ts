/**
 * The chart's two downloads, each announced first with a cancelable `kre-export`: the buckets as
 * CSV (CONTRACT 6 rules) and the chart as a PNG.
 */
import type { UsageResponse } from '../core/types.js';
import { emit, type FilterState } from '../shared/events.js';
import { bucketsToCsv, usageFileName } from './csv.js';
import { downloadBlob } from '../shared/download.js';
import { chartToPng, type PngLegendItem } from './png.js';

type Host = HTMLElement & { renderRoot: HTMLElement | DocumentFragment; product: string };

function announce(host: Host, format: 'csv' | 'png', data: UsageResponse, filters: FilterState): string | null {
  const fileName = usageFileName(host.product, data.from, data.to, data.interval, format);
  const go = emit(host, 'kre-export', { format, fileName, product: host.product, filters }, { cancelable: true });
  return go ? fileName : null;
}

export async function exportCsv(host: Host, data: UsageResponse | undefined, filters: FilterState): Promise<boolean> {
  if (!data || data.buckets.length === 0) return false;
  const fileName = announce(host, 'csv', data, filters);
  if (!fileName) return false;
  const blob = new Blob([bucketsToCsv(data.buckets, data.timeZone)], { type: 'text/csv;charset=utf-8' });
  downloadBlob(blob, fileName, host.renderRoot);
  return true;
}

export interface PngText {
  title: string;
  /** The filters in force, in words: organization, range, interval, zone. */
  details: string;
  legend: readonly PngLegendItem[];
}

export async function exportPng(
  host: Host,
  data: UsageResponse | undefined,
  filters: FilterState,
  svg: SVGSVGElement | null,
  text: PngText,
): Promise<boolean> {
  if (!data || !svg) return false;
  const fileName = announce(host, 'png', data, filters);
  if (!fileName) return false;
  const style = getComputedStyle(host);
  const muted = svg.querySelector('.tick-label');
  const blob = await chartToPng(svg, {
    ...text,
    background: opaque(style.backgroundColor) ?? '#ffffff',
    color: style.color,
    muted: muted ? getComputedStyle(muted).fill : style.color,
    fontFamily: style.fontFamily,
  });
  downloadBlob(blob, fileName, host.renderRoot);
  return true;
}

/** A background colour that paints something (a transparent host would give a transparent PNG). */
function opaque(color: string): string | null {
  return /^rgba\(.*,\s*0\)$|^transparent$/.test(color) ? null : color;
}
