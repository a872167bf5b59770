/**
 * `kre-license-reports/core`: DOM-free code that runs in Node and the browser. The reference
 * computation of the report contract (CONTRACT sections 4 to 6).
 */
export * from './types.js';
export { ContractError } from './errors.js';
export { computeUsage } from './usage.js';
export { querySessions } from './sessions.js';
export { computeCapacity } from './capacity.js';
export { compareText, compareCodePoints, textSortKey } from './text-order.js';
export {
  BOM,
  SESSIONS_CSV_HEADER,
  csvField,
  csvRow,
  formatDuration,
  sessionCsvRow,
  sessionsCsvChunks,
  sessionsCsvFileName,
  sessionsCsvHeader,
  sessionsToCsv,
  type ChunkOptions,
  type CsvOptions,
} from './csv.js';
export {
  civilToDays,
  daysToCivil,
  formatCivilDate,
  formatInstant,
  formatUtc,
  isTimeZone,
  localToInstant,
  offsetMinutes,
  parseCivilDate,
  parseInstant,
  type CivilDate,
} from './tz.js';
export { forgetDataset } from './prepare.js';
