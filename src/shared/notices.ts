/**
 * Bad attribute values are never silently replaced (CONTRACT 2): each one the element cannot use
 * becomes a notice that names the attribute, the bad value and what the report uses instead,
 * shown in the element and warned once in the console.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { str } from './strings.js';

export interface AttributeNotice {
  /** The attribute's name, as written in HTML (`time-zone`). */
  attribute: string;
  value: string;
  /** What is wrong with it: a phrase such as "is not an IANA time zone". */
  problem: string;
  /** What the report uses instead. */
  using: string;
}

export function noticeText(n: AttributeNotice): string {
  return str('attributeNotice', { attribute: n.attribute, value: n.value, problem: n.problem, using: n.using });
}

/** Warns once per element, attribute and value. */
export function warnOnce(host: HTMLElement, seen: Set<string>, notices: readonly AttributeNotice[]): void {
  for (const n of notices) {
    const key = `${n.attribute}\u0000${n.value}`;
    if (seen.has(key)) continue;
    seen.add(key);
    console.warn(`<${host.localName}>: ${noticeText(n)}`);
  }
}

export function renderNotices(notices: readonly AttributeNotice[]): TemplateResult | typeof nothing {
  if (!notices.length) return nothing;
  return html`<div class="attribute-notices" part="notices" role="status">
    <ul aria-label=${str('attributeNotices')}>
      ${notices.map((n) => html`<li class="attribute-notice" data-attribute=${n.attribute}>${noticeText(n)}</li>`)}
    </ul>
  </div>`;
}
