/**
 * Marks the parts of a cell's text that match the search (case-insensitive substring, as the
 * server matches `q`). Text stays text: Lit escapes every piece.
 */
import { html, type TemplateResult } from 'lit';

export function highlight(text: string, q: string): string | TemplateResult {
  const needle = q.trim().toLowerCase();
  if (!needle) return text;
  const hay = text.toLowerCase();
  // Lower-casing changed the length (e.g. "İ"): positions would not line up, show it plain.
  if (hay.length !== text.length) return text;
  let at = hay.indexOf(needle);
  if (at < 0) return text;
  const parts: Array<string | TemplateResult> = [];
  let last = 0;
  while (at >= 0) {
    if (at > last) parts.push(text.slice(last, at));
    parts.push(html`<mark part="match">${text.slice(at, at + needle.length)}</mark>`);
    last = at + needle.length;
    at = hay.indexOf(needle, last);
  }
  if (last < text.length) parts.push(text.slice(last));
  return html`${parts}`;
}
