/**
 * CSV export (CONTRACT 6): UTF-8 with a byte-order mark, RFC 4180 (CRLF, quoting), a guard
 * against spreadsheet formulas, instants with the zone's offset and durations as `h:mm:ss`.
 */
import { instant } from './validate.js';
import { formatInstant, parseInstant } from './tz.js';
import type { SessionItem } from './types.js';
import { formatDuration } from './duration.js';

export { formatDuration } from './duration.js';
export { sessionsCsvFileName } from './file-names.js';

export const BOM = '\uFEFF';
export const CRLF = '\r\n';
export const SESSIONS_CSV_HEADER = [
  'User',
  'Email',
  'Session ID',
  'Machine ID',
  'License Source',
  'Organization',
  'License Type',
  'Started',
  'Ended',
  'Duration',
] as const;

const NEEDS_QUOTES = /[",\r\n]/;

/** Whether a spreadsheet would read the text as a formula: it starts with = + - @ TAB or CR. */
function looksLikeFormula(text: string): boolean {
  const c = text.charCodeAt(0);
  return c === 61 || c === 43 || c === 45 || c === 64 || c === 9 || c === 13;
}

/** One CSV field: formula-guarded, then quoted when it holds a comma, quote, CR or LF. */
export function csvField(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (looksLikeFormula(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV record with its CRLF. */
export function csvRow(fields: ReadonlyArray<string | number | null | undefined>): string {
  let line = '';
  for (let i = 0; i < fields.length; i++) line += (i ? ',' : '') + csvField(fields[i]);
  return line + CRLF;
}

export interface CsvOptions {
  timeZone: string;
  /** The server's "now": the end of an active session's duration. */
  asOf: string | Date;
}

/** The CSV record of one session. */
export function sessionCsvRow(item: SessionItem, timeZone: string, asOf: number): string {
  const started = parseInstant(item.started);
  const active = item.ended === null;
  const ended = active ? asOf : parseInstant(item.ended);
  const { name, email } = item.user;
  const organization = item.organization ? item.organization.path.join(' / ') : '';
  const { sessionId, machineId, licenseSource, licenseType } = item;
  // One test for the seven text fields of the row: nearly every row needs neither quotes nor the
  // formula guard, and then takes its values as they are.
  const plain =
    !NEEDS_QUOTES.test(name + email + sessionId + machineId + licenseSource + organization + licenseType) &&
    !looksLikeFormula(name) && !looksLikeFormula(email) && !looksLikeFormula(sessionId) && !looksLikeFormula(machineId) &&
    !looksLikeFormula(licenseSource) && !looksLikeFormula(organization) && !looksLikeFormula(licenseType);
  const text = plain
    ? `${name},${email},${sessionId},${machineId},${licenseSource},${organization},${licenseType}`
    : `${csvField(name)},${csvField(email)},${csvField(sessionId)},${csvField(machineId)},${csvField(licenseSource)},${csvField(organization)},${csvField(licenseType)}`;
  // The last three fields are ours (digits, signs, colons): never quoted, never formula-like.
  return `${text},${formatInstant(started, timeZone)},${active ? '' : formatInstant(ended, timeZone)},${formatDuration(ended - started)}\r\n`;
}

/** BOM and header row: the first chunk of every sessions export. */
export function sessionsCsvHeader(): string {
  return BOM + csvRow(SESSIONS_CSV_HEADER);
}

/** The whole CSV text for `items`. */
export function sessionsToCsv(items: Iterable<SessionItem>, options: CsvOptions): string {
  let text = sessionsCsvHeader();
  for (const chunk of sessionsCsvChunks(items, options, { includeHeader: false })) text += chunk;
  return text;
}

export interface ChunkOptions {
  /** Rows per chunk (default 1000). Memory is bounded by this, not by the row count. */
  chunkRows?: number;
  /** Start with the BOM and header (default true). */
  includeHeader?: boolean;
}

/**
 * The same CSV as `sessionsToCsv`, as a lazy sequence of string chunks of at most `chunkRows` rows,
 * for streaming large exports into a Blob, a file or an HTTP response.
 */
export function* sessionsCsvChunks(
  items: Iterable<SessionItem>,
  options: CsvOptions,
  { chunkRows = 1000, includeHeader = true }: ChunkOptions = {},
): Generator<string, void, undefined> {
  const asOf = instant('asOf', options.asOf);
  if (includeHeader) yield sessionsCsvHeader();
  let chunk = '';
  let rows = 0;
  for (const item of items) {
    chunk += sessionCsvRow(item, options.timeZone, asOf);
    if (++rows === chunkRows) {
      yield chunk;
      chunk = '';
      rows = 0;
    }
  }
  if (chunk) yield chunk;
}
