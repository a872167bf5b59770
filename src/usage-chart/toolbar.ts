/**
 * The chart's toolbar: the organization picker (hierarchy, search when long), the date range with
 * presets, the interval (hour disabled, with the reason, beyond 31 days), and the actions: table
 * view, CSV and PNG export.
 */
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { INTERVALS, MAX_HOUR_RANGE_DAYS, type Interval, type Organization } from '../core/types.js';
import { rangeLength, type DateRange } from '../shared/dates.js';
import { OrgPicker, renderDateRange } from '../shared/filters/index.js';
import { str, type StringKey } from '../shared/strings.js';

const INTERVAL_LABEL: Record<Interval, StringKey> = {
  hour: 'intervalHour',
  day: 'intervalDay',
  week: 'intervalWeek',
  month: 'intervalMonth',
};

/** Whether an hourly view may be asked for this range (CONTRACT 3.1). */
export function hourAllowed(range: DateRange): boolean {
  const days = rangeLength(range);
  return Number.isFinite(days) && days <= MAX_HOUR_RANGE_DAYS;
}

export interface ToolbarState {
  interval: Interval;
  range: DateRange;
  today: number;
  organization: readonly string[];
  organizations: readonly Organization[];
  hasData: boolean;
  showTable: boolean;
  compare: boolean;
  busy: boolean;
  /** Every filter and action off (after a 401 or 403). */
  disabled?: boolean;
}

export interface ToolbarActions {
  interval(interval: Interval): void;
  range(range: DateRange): void;
  organization(ids: string[]): void;
  toggleTable(): void;
  toggleCompare(): void;
  exportCsv(): void;
  exportPng(): void;
}

export class ChartToolbar {
  private readonly orgs: OrgPicker;

  constructor(host: ReactiveControllerHost & HTMLElement, private readonly actions: ToolbarActions) {
    this.orgs = new OrgPicker(host, { id: 'org', onChange: (ids) => actions.organization(ids) });
  }

  render(s: ToolbarState): TemplateResult {
    const a = this.actions;
    const hourOk = hourAllowed(s.range);
    const pickInterval = (event: Event) => a.interval((event.target as HTMLSelectElement).value as Interval);
    const off = Boolean(s.disabled);
    return html`<div class="toolbar" part="toolbar">
      <div class="filters" part="filters">
        ${this.orgs.render(s.organizations, s.organization, { disabled: off })}
        ${renderDateRange({ id: 'range', range: s.range, today: s.today, onChange: (r) => a.range(r), disabled: off })}
        <div class="field interval-field">
          <label class="field-label" for="interval">${str('interval')}</label>
          <select id="interval" part="interval-select" .value=${live(s.interval)} @change=${pickInterval} ?disabled=${off}
            aria-describedby=${hourOk ? nothing : 'hour-reason'}>
            ${INTERVALS.map(
              (i) => html`<option value=${i} ?selected=${i === s.interval} ?disabled=${i === 'hour' && !hourOk}
                title=${i === 'hour' && !hourOk ? str('hourDisabledReason') : nothing}>${str(INTERVAL_LABEL[i])}</option>`,
            )}
          </select>
        </div>
      </div>
      <div class="actions" part="actions">
        <button type="button" class="button" part="compare-button" aria-pressed=${s.compare ? 'true' : 'false'}
          ?disabled=${off} @click=${() => a.toggleCompare()}>${str('compare')}</button>
        <button type="button" class="button" part="table-button" aria-pressed=${s.showTable ? 'true' : 'false'}
          ?disabled=${!s.hasData || off} @click=${() => a.toggleTable()}>${str(s.showTable ? 'showAsChart' : 'showAsTable')}</button>
        <button type="button" class="button" part="export-button export-csv" ?disabled=${!s.hasData || s.busy || off}
          @click=${() => a.exportCsv()}>${str('exportCsv')}</button>
        <button type="button" class="button" part="export-button export-png" ?disabled=${!s.hasData || s.busy || off}
          @click=${() => a.exportPng()}>${str('exportPng')}</button>
        <slot name="actions"></slot>
      </div>
    </div>
    ${hourOk ? nothing : html`<p class="hint" id="hour-reason" part="hint">${str('hourDisabledReason')}</p>`}`;
  }
}
