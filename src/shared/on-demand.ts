/**
 * What only a user's action needs: the open panel of a filter's list, the table views of the charts
 * and the planner, the CSV and PNG
 * writers of the three reports, and the session log's paged export with its progress. It loads on
 * first use, through `loadOnDemand()` (./load-on-demand.ts), so a page where nobody opens a table,
 * a filter's list or an export never loads it; in dist/kre-license-reports.bundle.js it is the one
 * chunk beside the bundle (kre-license-reports.on-demand.js), loaded from the bundle's own folder.
 */
export { renderPanel } from './filters/panel.js';
export { renderUsageTable } from '../usage-chart/table-view.js';
export { renderCoverageTable, renderHoursTable } from '../planner/table-view.js';
export { SessionsExport } from '../sessions-table/export.js';
export { bucketsToCsv } from '../usage-chart/csv.js';
export { chartToPng } from '../usage-chart/png.js';
export { coverageCsv, hoursCsv } from '../planner/csv.js';
export { plannerPng } from '../planner/png.js';
