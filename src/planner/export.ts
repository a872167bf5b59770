/**
 * The planner's downloads: file names here; the code that writes the files
 * (`../shared/on-demand.js`) loads on the first export, so a page that never exports never downloads it.
 */
import type { CapacityResponse } from '../core/types.js';

/** `kre-license-planner-coverage_2026-10-01_2026-10-31.csv`, `…-hours_…`, `kre-license-planner_….png` */
export const plannerFileName = (product: string, d: Pick<CapacityResponse, 'from' | 'to'>, what?: 'coverage' | 'hours') =>
  `${product}-license-planner${what ? `-${what}` : ''}_${d.from}_${d.to}.${what ? 'csv' : 'png'}`;
