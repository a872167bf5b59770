/**
 * The toolbar of a chart report: the organization picker and the date range with presets (and any
 * filter of the element's own after them), then the actions, buttons written from a description.
 */
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { Organization } from '../core/types.js';
import type { DateRange } from './dates.js';
import { str } from './strings.js';
import { OrgPicker, renderDateRange } from './filters/index.js';

export interface ToolbarFilters {
  range: DateRange;
  /** Today in the report's zone (days since epoch). */
  today: number;
  organization: readonly string[];
  organizations: readonly Organization[];
  /** Signed out or without the role (401, 403): no filter can help, so every one is off. */
  disabled: boolean;
  onRange: (range: DateRange) => void;
}

export interface ToolbarAction {
  /** Its parts: `table-button`, `export-button export-csv`, ... */
  part: string;
  label: string;
  click: () => void;
  disabled?: boolean;
  /** A toggle's state (`aria-pressed`); undefined for a plain button. */
  pressed?: boolean;
}

/** The table view's toggle, pressed (reading "Show as chart") while the tables show. */
export const tableButton = (showTable: boolean, disabled: boolean, click: () => void): ToolbarAction => ({
  part: 'table-button',
  label: str(showTable ? 'showAsChart' : 'showAsTable'),
  pressed: showTable,
  disabled,
  click,
});

/** A button of the toolbar (or of a section's own toolbar). */
export const renderButton = (a: ToolbarAction) =>
  html`<button type="button" class="button" part=${a.part} aria-pressed=${a.pressed === undefined ? nothing : String(a.pressed)} ?disabled=${a.disabled} @click=${a.click}>${a.label}</button>`;

export class ReportToolbar {
  private readonly orgs: OrgPicker;

  constructor(host: ReactiveControllerHost & HTMLElement, onOrganization: (ids: string[]) => void) {
    this.orgs = new OrgPicker(host, { id: 'org', onChange: onOrganization });
  }

  /** `more.filters` follow the date range; `more.actions` (a slot) follow the buttons. */
  render(f: ToolbarFilters, actions: readonly ToolbarAction[], more: { filters?: unknown; actions?: unknown } = {}): TemplateResult {
    return html`<div class="toolbar" part="toolbar">
      <div class="filters" part="filters">
        ${this.orgs.render(f.organizations, f.organization, { disabled: f.disabled })}
        ${renderDateRange({ id: 'range', range: f.range, today: f.today, onChange: f.onRange, disabled: f.disabled })}${more.filters}
      </div>
      <div class="actions" part="actions">${actions.map(renderButton)}${more.actions}</div>
    </div>`;
  }
}
