/**
 * The text order of the sessions list and its facets (CONTRACT 3.2 leaves it to the service; this
 * is the product's, and every store reproduces it exactly).
 *
 * A collation that a database can reproduce byte for byte: each text has a sort key, computed here
 * and stored beside the text by the SQL stores, and keys compare by code point, which is the byte
 * order of UTF-8 (`COLLATE "C"` in PostgreSQL). The key folds case and accents and reads digit
 * runs as numbers, so `Beta 9` sorts before `Beta 10`, `ada` next to `Ada` and `Ádá`. Two texts
 * with equal keys are ordered by the texts' own code points, so the order is total: only equal
 * texts tie, and the sessions list breaks those ties by `sessionId`.
 */

const MARKS = /\p{M}+/gu;
const DIGITS = /\d+/g;
/** Above this length a digit run's length marker would leave the BMP's plain range: cap it. */
const MAX_RUN = 0x2000;

/**
 * A digit run as `0`, a marker for its length (without leading zeros), then its digits: longer
 * numbers sort after shorter ones, equal lengths digit by digit, and every number before letters.
 */
function numberKey(run: string): string {
  let i = 0;
  while (i < run.length - 1 && run.charCodeAt(i) === 48) i++;
  const digits = run.slice(i);
  return `0${String.fromCharCode(0x30 + Math.min(digits.length, MAX_RUN))}${digits}`;
}

const keys = new Map<string, string>();

/** The sort key of a text: compare two keys with `compareCodePoints`. */
export function textSortKey(text: string): string {
  let key = keys.get(text);
  if (key === undefined) {
    key = text.normalize('NFKD').toLowerCase().replace(MARKS, '').replace(DIGITS, numberKey);
    if (keys.size > 50_000) keys.clear();
    keys.set(text, key);
  }
  return key;
}

/**
 * Code point order (the byte order of the texts' UTF-8). JavaScript's `<` compares UTF-16 code
 * units, which differs only where a character above U+FFFF meets one in U+E000-U+FFFF.
 */
export function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // A surrogate (U+D800-U+DFFF) stands for a code point above U+FFFF: it sorts after the rest.
    const xs = x >= 0xd800 && x <= 0xdfff;
    const ys = y >= 0xd800 && y <= 0xdfff;
    if (xs !== ys) return xs ? 1 : -1;
    return x - y;
  }
  return a.length - b.length;
}

/** The text order: by sort key, then by the texts' code points. Zero only for equal texts. */
export function compareText(a: string, b: string): number {
  return compareCodePoints(textSortKey(a), textSortKey(b)) || compareCodePoints(a, b);
}
