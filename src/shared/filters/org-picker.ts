/**
 * The organization filter: a MultiSelect over the hierarchy, with the organization strings.
 */
import type { ReactiveControllerHost, TemplateResult } from 'lit';
import type { Organization } from '../../core/types.js';
import { MultiSelect, type OptionRow } from './multi-select.js';
import { orgOptions } from './org-tree.js';

export interface OrgPickerOptions {
  onChange: (ids: string[]) => void;
  /** Unique id prefix within the host's shadow root (default "org"). */
  id?: string;
}

export class OrgPicker {
  readonly select: MultiSelect;
  private orgs: readonly Organization[] | null = null;
  private rows: OptionRow[] = [];

  constructor(host: ReactiveControllerHost & HTMLElement, { onChange, id = 'org' }: OrgPickerOptions) {
    this.select = new MultiSelect(host, {
      id,
      text: ['organization', 'allOrganizations', 'searchOrganizations', 'organizationsSelected', 'noOrganizationMatches'],
      part: 'organization',
      onChange,
    });
  }

  render(orgs: readonly Organization[], selected: readonly string[], options?: { disabled?: boolean }): TemplateResult {
    if (orgs !== this.orgs) {
      this.orgs = orgs;
      this.rows = orgOptions(orgs);
    }
    return this.select.render(this.rows, selected, options);
  }
}
