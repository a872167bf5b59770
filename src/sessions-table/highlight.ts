/**
 * Marks the parts of a cell's text that match the search (case-insensitive substring, as the
 * server matches `q`). Text stays text: Lit escapes every piece.
 */
import { html, type TemplateResult } from 'lit';

export function highlight(text: string, q: string): string | Array<string | TemplateResult> {
  const needle = q.trim().toLowerCase();
  let hay;
  // (Lower-casing that changes the length, e.g. "İ", would misplace the marks: shown plain.)
  if (!needle || (hay = text.toLowerCase()).length !== text.length || !hay.includes(needle)) return text;
  const parts: Array<string | TemplateResult> = [];
  let last = 0;
  for (let at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, last)) {
    parts.push(text.slice(last, at), html`<mark part="match">${text.slice(at, (last = at + needle.length))}</mark>`);
  }
  parts.push(text.slice(last));
  return parts;
}
