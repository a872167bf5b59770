/**
 * The planner's toolbar: the organization picker and the date range with presets (the shared
 * filters of the charts), and the actions: table view, the two CSV exports and the PNG.
 */
import { html, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { Organization } from '../core/types.js';
import type { DateRange } from '../shared/dates.js';
import { OrgPicker, renderDateRange } from '../shared/filters/index.js';
import { str } from '../shared/strings.js';

export interface PlannerToolbarState {
  range: DateRange;
  today: number;
  organization: readonly string[];
  organizations: readonly Organization[];
  hasData: boolean;
  busy: boolean;
  showTable: boolean;
  /** The user may not see the report (401, 403): the filters cannot help. */
  disabled: boolean;
}

export interface PlannerToolbarActions {
  range(range: DateRange): void;
  organization(ids: string[]): void;
  toggleTable(): void;
  exportCsv(what: 'coverage' | 'hours'): void;
  exportPng(): void;
}

export class PlannerToolbar {
  private readonly orgs: OrgPicker;

  constructor(host: ReactiveControllerHost & HTMLElement, private readonly actions: PlannerToolbarActions) {
    this.orgs = new OrgPicker(host, { id: 'org', onChange: (ids) => actions.organization(ids) });
  }

  render(s: PlannerToolbarState): TemplateResult {
    const a = this.actions;
    const off = !s.hasData || s.busy;
    return html`<div class="toolbar" part="toolbar">
      <div class="filters" part="filters">
        ${this.orgs.render(s.organizations, s.organization, { disabled: s.disabled })}
        ${renderDateRange({ id: 'range', range: s.range, today: s.today, onChange: (r) => a.range(r), disabled: s.disabled })}
      </div>
      <div class="actions" part="actions">
        <button type="button" class="button" part="table-button" aria-pressed=${s.showTable ? 'true' : 'false'}
          ?disabled=${!s.hasData} @click=${() => a.toggleTable()}>${str(s.showTable ? 'showAsChart' : 'showAsTable')}</button>
        <button type="button" class="button" part="export-button export-csv export-coverage" ?disabled=${off}
          @click=${() => a.exportCsv('coverage')}>${str('exportCoverageCsv')}</button>
        <button type="button" class="button" part="export-button export-csv export-hours" ?disabled=${off}
          @click=${() => a.exportCsv('hours')}>${str('exportHoursCsv')}</button>
        <button type="button" class="button" part="export-button export-png" ?disabled=${off}
          @click=${() => a.exportPng()}>${str('exportPng')}</button>
      </div>
    </div>`;
  }
}
