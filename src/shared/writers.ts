/**
 * Everything that only an export runs: the CSV and PNG writers of the three reports, and the
 * session log's paged export with its progress. The elements
 * `import()` this module on the first export, so that a page that never exports never loads it;
 * in dist/kre-license-reports.bundle.js it is the one chunk beside the bundle
 * (kre-license-reports.writers.js), loaded from the bundle's own folder.
 */
export { SessionsExport } from '../sessions-table/export.js';
export { bucketsToCsv } from '../usage-chart/csv.js';
export { chartToPng } from '../usage-chart/png.js';
export { coverageCsv, hoursCsv } from '../planner/csv.js';
export { plannerPng } from '../planner/png.js';
