/**
 * The chart's two downloads, each announced first with a cancelable `kre-export`: the buckets as
 * CSV (CONTRACT 6 rules) and the chart as a PNG.
 */
import type { UsageResponse } from '../core/types.js';
import { exportFile, type Exporter } from '../shared/download.js';
import type { FilterState } from '../shared/events.js';
import { pngLook } from '../shared/png.js';
import { bucketsToCsv, usageFileName } from './csv.js';
import { chartToPng, type PngLegendItem } from './png.js';

export async function exportCsv(host: Exporter, data: UsageResponse | undefined, filters: FilterState): Promise<boolean> {
  if (!data || data.buckets.length === 0) return false;
  return exportFile(host, 'csv', usageFileName(host.product, data.from, data.to, data.interval, 'csv'), filters, () => bucketsToCsv(data.buckets, data.timeZone));
}

export interface PngText {
  title: string;
  /** The filters in force, in words: organization, range, interval, zone. */
  details: string;
  legend: readonly PngLegendItem[];
}

export async function exportPng(host: Exporter, data: UsageResponse | undefined, filters: FilterState, svg: SVGSVGElement | null, text: PngText): Promise<boolean> {
  if (!data || !svg) return false;
  return exportFile(host, 'png', usageFileName(host.product, data.from, data.to, data.interval, 'png'), filters, () => chartToPng(svg, { ...text, ...pngLook(host) }));
}
