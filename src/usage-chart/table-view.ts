/**
 * The chart's table view: a row per bucket with the tooltip's numbers (and the previous period's
 * peak while comparing), then the allocation changes as a list. Loaded on demand, with the first
 * "Show as table" (src/shared/on-demand.ts).
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { CapacityChange, Organization, UsageBucket, UsageResponse } from '../core/types.js';
import { str, type StringKey } from '../shared/strings.js';
import { renderDataTable } from '../shared/table.js';
import { changeText } from './changes.js';
import { bucketFacts, FACTS, type Ctx } from './panels.js';

/** The buckets as a table (`previous`: the previous period's buckets, aligned, while comparing). */
export function renderUsageTable(data: UsageResponse, ctx: Ctx, caption: string, previous?: ReadonlyArray<UsageBucket | undefined>): TemplateResult {
  const facts = data.buckets.map((b, i) => bucketFacts(b, ctx, previous?.[i]));
  return html`${renderDataTable({
    id: 'table-caption',
    caption,
    head: ['period', ...FACTS.map((fact) => fact[1]), ...(previous ? (['previousPeak', 'change'] as const) : [])].map((label) => str(label as StringKey)),
    rows: facts.map((f) => [
      f.title,
      ...FACTS.map(
        ([key]) => html`${f[key]}${key === 'peak' && f.atCapacity
          ? html` <span class="badge" part="badge">${str('atCapacity')}</span>
              <span class="capacity-reason">${f.capacityReasons.join(', ')}</span>`
          : nothing}`,
      ),
      ...(previous ? [f.previous?.peak ?? '—', f.previous?.peakChange ?? '—'] : []),
    ]),
    rowPart: (_, i) => (facts[i].atCapacity ? 'row row-capacity' : 'row'),
  })}
  ${renderChangeList(data.capacityChanges, data.organizations, ctx.zone, ctx.locale)}`;
}

/** The allocation changes as a list, under the table. */
function renderChangeList(changes: readonly CapacityChange[], organizations: readonly Organization[], zone: string, locale: string): TemplateResult | typeof nothing {
  if (!changes.length) return nothing;
  return html`<section class="change-list" part="change-list" aria-labelledby="change-list-title">
    <h3 id="change-list-title" class="change-list-title">${str('capacityChanges')}</h3>
    <ul>${changes.map((c) => html`<li>${changeText(c, organizations, zone, locale)}</li>`)}</ul>
  </section>`;
}
