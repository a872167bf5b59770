/**
 * The chart's two downloads, each announced first with a cancelable `kre-export`: the buckets as
 * CSV (CONTRACT 6 rules) and the chart as a PNG. The code that writes the files
 * (`../shared/on-demand.js`) loads on the first export: a page that never exports never downloads it.
 */
import type { UsageResponse } from '../core/types.js';
import { exportFile, type Exporter } from '../shared/download.js';
import type { FilterState } from '../shared/events.js';
import { loadOnDemand } from '../shared/load-on-demand.js';

/** `kre-license-usage_2026-10-01_2026-10-31_day.csv` (`.png` for the image). */
export function usageFileName(product: string, from: string, to: string, interval: string, extension: 'csv' | 'png'): string {
  return `${product}-license-usage_${from}_${to}_${interval}.${extension}`;
}

export async function exportCsv(host: Exporter, data: UsageResponse | undefined, filters: FilterState): Promise<boolean> {
  if (!data || data.buckets.length === 0) return false;
  return exportFile(host, 'csv', usageFileName(host.product, data.from, data.to, data.interval, 'csv'), filters, async () =>
    (await loadOnDemand()).bucketsToCsv(data.buckets, data.timeZone),
  );
}

export interface PngText {
  title: string;
  /** The organizations filtered on, named in the image with the range, interval and zone. */
  organizationIds: readonly string[];
  locale: string;
  /** Whether the legend names "At capacity" (some bucket is). */
  capacity: boolean;
}

export async function exportPng(host: Exporter, data: UsageResponse | undefined, filters: FilterState, svg: SVGSVGElement | null, text: PngText): Promise<boolean> {
  if (!data || !svg) return false;
  return exportFile(host, 'png', usageFileName(host.product, data.from, data.to, data.interval, 'png'), filters, async () =>
    (await loadOnDemand()).chartToPng(host, svg, data, text),
  );
}
