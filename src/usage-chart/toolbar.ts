/**
 * The chart's toolbar: the organization picker (hierarchy, search when long), the date range with
 * presets, the interval (hour disabled, with the reason, beyond 31 days), and the actions: table
 * view, CSV and PNG export.
 */
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { INTERVALS, MAX_HOUR_RANGE_DAYS, type Interval, type Organization } from '../core/types.js';
import { rangeLength, type DateRange } from '../shared/dates.js';
import { ReportToolbar, tableButton } from '../shared/toolbar.js';
import { str } from '../shared/strings.js';
import { INTERVAL_NAME } from './panels.js';

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

/** What the toolbar's filters and buttons do (called unbound). */
export interface ToolbarActions {
  interval: (interval: Interval) => void;
  range: (range: DateRange) => void;
  organization: (ids: string[]) => void;
  toggleTable: () => void;
  toggleCompare: () => void;
  exportCsv: () => void;
  exportPng: () => void;
}

export class ChartToolbar {
  private readonly toolbar: ReportToolbar;

  constructor(host: ReactiveControllerHost & HTMLElement, private readonly actions: ToolbarActions) {
    this.toolbar = new ReportToolbar(host, actions.organization);
  }

  render(s: ToolbarState): TemplateResult {
    const a = this.actions;
    const hourOk = hourAllowed(s.range);
    const pickInterval = (event: Event) => a.interval((event.target as HTMLSelectElement).value as Interval);
    const off = Boolean(s.disabled);
    const noSave = !s.hasData || s.busy || off;
    return html`${this.toolbar.render(
      { range: s.range, today: s.today, organization: s.organization, organizations: s.organizations, disabled: off, onRange: a.range },
      [
        { part: 'compare-button', label: str('compare'), pressed: s.compare, disabled: off, click: a.toggleCompare },
        tableButton(s.showTable, !s.hasData || off, a.toggleTable),
        { part: 'export-button export-csv', label: str('exportCsv'), disabled: noSave, click: a.exportCsv },
        { part: 'export-button export-png', label: str('exportPng'), disabled: noSave, click: a.exportPng },
      ],
      {
        filters: html`<div class="field interval-field">
          <label class="field-label" for="interval">${str('interval')}</label>
          <select id="interval" part="interval-select" .value=${live(s.interval)} @change=${pickInterval} ?disabled=${off}
            aria-describedby=${hourOk ? nothing : 'hour-reason'}>
            ${INTERVALS.map(
              (i) => html`<option value=${i} ?selected=${i === s.interval} ?disabled=${i === 'hour' && !hourOk}
                title=${i === 'hour' && !hourOk ? str('hourDisabledReason') : nothing}>${str(INTERVAL_NAME[i])}</option>`,
            )}
          </select>
        </div>`,
        actions: html`<slot name="actions"></slot>`,
      },
    )}
    ${hourOk ? nothing : html`<p class="hint" id="hour-reason" part="hint">${str('hourDisabledReason')}</p>`}`;
  }
}
