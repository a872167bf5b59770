/**
 * Allocation changes (`capacityChanges`, contract 1.1) on the chart: a mark on the Available step
 * where the licenses changed, reachable by keyboard (each mark is a button in the tab order over
 * the plot) and by pointer, with the scope, before and after in its tooltip and its name; and the
 * same list under the table view.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { CapacityChange, Organization } from '../core/types.js';
import { formatDateTime, formatInteger } from '../shared/format.js';
import { str } from '../shared/strings.js';
import type { ChartLayout } from './layout.js';

/** "QA Europe: 16 → 20 licenses on Oct 15, 2026, 9:30 AM". */
export function changeText(c: CapacityChange, organizations: readonly Organization[], zone: string, locale: string): string {
  const scope = c.organizationId === null ? str('accountWide') : (organizations.find((o) => o.id === c.organizationId)?.name ?? c.organizationId);
  return str('capacityChangeText', {
    scope,
    before: formatInteger(locale, c.before),
    after: formatInteger(locale, c.after),
    date: formatDateTime(locale, zone, Date.parse(c.at)),
  });
}

export interface ChangeMarksOptions {
  layout: ChartLayout;
  changes: readonly CapacityChange[];
  organizations: readonly Organization[];
  zone: string;
  locale: string;
  /** The mark whose tooltip shows; -1 for none. */
  active: number;
  onActive: (index: number) => void;
}

/** The marks' buttons over the plot, and the tooltip of the active one. */
export function renderChangeMarks(o: ChangeMarksOptions): TemplateResult | typeof nothing {
  const { margin, changeMarks, width } = o.layout;
  if (!changeMarks.length) return nothing;
  const text = (index: number) => changeText(o.changes[index], o.organizations, o.zone, o.locale);
  const active = changeMarks[o.active];
  return html`<div class="change-marks" part="change-marks" role="group" aria-label=${str('capacityChanges')}>
      ${changeMarks.map(
        (m) => html`<button type="button" class="change-mark-button" part="change-mark" aria-label=${`${str('capacityChange')}: ${text(m.index)}`}
          aria-describedby=${o.active === m.index ? 'change-tip' : nothing}
          .style=${`left:${margin.left + m.x - 8}px;top:${margin.top + m.y - 8}px`}
          @focus=${() => o.onActive(m.index)} @blur=${() => o.onActive(-1)}
          @pointerenter=${() => o.onActive(m.index)} @pointerleave=${() => o.onActive(-1)}
          @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && o.onActive(-1)}></button>`,
      )}
    </div>
    ${active
      ? html`<div class="tooltip change-tip" part="tooltip" id="change-tip" role="tooltip"
          .style=${`left:${Math.max(0, Math.min(margin.left + active.x - 120, width - 240))}px;top:${margin.top + active.y + 12}px;width:240px`}>
          <div class="tooltip-title">${str('capacityChange')}</div>
          <div>${text(o.active)}</div>
        </div>`
      : nothing}`;
}

