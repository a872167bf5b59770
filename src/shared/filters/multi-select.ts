/**
 * A multi-select of checkboxes in a disclosure panel, with an optional hierarchy (a selected
 * parent includes its descendants, shown checked and disabled) and a search box when the list
 * is long. A ReactiveController that renders into its host's shadow root: no extra tag is defined.
 *
 * Keyboard: the button opens the panel (Enter, Space, ArrowDown); Tab moves through the search
 * box and checkboxes; Escape closes it and returns focus to the button.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';

export interface OptionRow {
  id: string;
  label: string;
  depth: number;
  /** Ancestor ids, root first (empty for a flat list). */
  ancestors: string[];
}

export interface MultiSelectOptions {
  /** Stable id prefix, unique within the host's shadow root. */
  id: string;
  /** The field's label, e.g. "Organization". */
  label: () => string;
  /** The button text when nothing is selected, e.g. "All organizations". */
  allLabel: () => string;
  searchLabel: () => string;
  onChange: (ids: string[]) => void;
  /** The button text for several selected, e.g. "3 organizations". */
  countLabel: (count: number) => string;
  /** The text when a search matches nothing, e.g. "No organization matches". */
  emptyLabel: () => string;
  /** Show the search box from this many options (default 8). */
  searchFrom?: number;
  /**
   * This filter's own part names: `{part}-button` and `{part}-panel`, beside the shared
   * `filter-button` and `filter-panel` (default: the id).
   */
  part?: string;
}

let instances = 0;

export class MultiSelect implements ReactiveController {
  open = false;
  query = '';
  private readonly host: ReactiveControllerHost & HTMLElement;
  private readonly options: MultiSelectOptions;
  /** The id of the control's box (its label, value and panel add suffixes). */
  private readonly base: string;

  constructor(host: ReactiveControllerHost & HTMLElement, options: MultiSelectOptions) {
    this.host = host;
    this.options = options;
    this.base = `${options.id}-${++instances}`;
    host.addController(this);
  }

  /** The outside-press listener is on the document only while the panel is open: no idle work. */
  private listening = false;

  private listen(on: boolean): void {
    if (on === this.listening || typeof document === 'undefined') return;
    this.listening = on;
    if (on) document.addEventListener('pointerdown', this.onOutside, true);
    else document.removeEventListener('pointerdown', this.onOutside, true);
  }

  hostDisconnected(): void {
    this.open = false;
    this.listen(false);
  }

  /** The control's box in the host's shadow root (found by id: no ref directive to ship). */
  private get root(): HTMLElement | null {
    return (this.host.shadowRoot ?? this.host).querySelector(`#${this.base}`);
  }

  private readonly onOutside = (event: Event) => {
    const root = this.root;
    if (this.open && root && !event.composedPath().includes(root)) this.close(false);
  };

  toggle(open = !this.open): void {
    this.open = open;
    this.listen(open);
    if (!open) this.query = '';
    this.host.requestUpdate();
  }

  close(focusButton = true): void {
    if (!this.open) return;
    this.toggle(false);
    if (focusButton) this.root?.querySelector<HTMLElement>('.ms-button')?.focus();
  }

  private summary(rows: readonly OptionRow[], selected: readonly string[]): string {
    if (!selected.length) return this.options.allLabel();
    if (selected.length === 1) return rows.find((r) => r.id === selected[0])?.label ?? selected[0];
    return this.options.countLabel(selected.length);
  }

  private change(rows: readonly OptionRow[], selected: readonly string[], id: string, checked: boolean): void {
    let next = checked ? [...selected, id] : selected.filter((s) => s !== id);
    // A parent includes its descendants: drop selected descendants of a newly chosen parent.
    const chosen = new Set(next);
    next = next.filter((s) => !rows.find((r) => r.id === s)?.ancestors.some((a) => chosen.has(a)));
    this.options.onChange(next);
  }

  render(rows: readonly OptionRow[], selected: readonly string[], { disabled = false } = {}): TemplateResult {
    const base = this.base;
    const chosen = new Set(selected);
    const needle = this.query.trim().toLocaleLowerCase();
    const visible = needle ? filterRows(rows, needle) : rows;
    const searchable = rows.length >= (this.options.searchFrom ?? 8);
    return html`<div class="ms" id=${base} @keydown=${this.onKeydown}>
      <span class="ms-label" id="${base}-label">${this.options.label()}</span>
      <button
        class="ms-button button"
        part="filter-button ${this.options.part ?? this.options.id}-button"
        type="button"
        aria-expanded=${this.open ? 'true' : 'false'}
        aria-controls="${base}-panel"
        aria-labelledby="${base}-label ${base}-value"
        ?disabled=${disabled}
        @click=${() => this.toggle()}
      >
        <span id="${base}-value" class="ms-value">${this.summary(rows, selected)}</span>
        <span class="ms-caret" aria-hidden="true">▾</span>
      </button>
      ${this.open
        ? html`<div class="ms-panel" part="filter-panel ${this.options.part ?? this.options.id}-panel" id="${base}-panel" role="group" aria-labelledby="${base}-label">
            ${searchable
              ? html`<input
                  class="ms-search"
                  type="search"
                  aria-label=${this.options.searchLabel()}
                  placeholder=${this.options.searchLabel()}
                  .value=${live(this.query)}
                  @input=${(e: Event) => {
                    this.query = (e.target as HTMLInputElement).value;
                    this.host.requestUpdate();
                  }}
                />`
              : nothing}
            <button class="ms-all" type="button" ?disabled=${!selected.length} @click=${() => this.options.onChange([])}>
              ${this.options.allLabel()}
            </button>
            <ul class="ms-list" role="list">
              ${visible.map((row) => {
                const implied = row.ancestors.some((a) => chosen.has(a));
                return html`<li .style=${`--depth:${row.depth}`}>
                  <label class="ms-option" title=${row.label}>
                    <input
                      type="checkbox"
                      .checked=${live(implied || chosen.has(row.id))}
                      ?disabled=${implied}
                      @change=${(e: Event) => this.change(rows, selected, row.id, (e.target as HTMLInputElement).checked)}
                    />
                    <span dir="auto" class="ms-text">${row.label}</span>
                  </label>
                </li>`;
              })}
              ${visible.length ? nothing : html`<li class="ms-empty">${this.options.emptyLabel()}</li>`}
            </ul>
          </div>`
        : nothing}
    </div>`;
  }

  private readonly onKeydown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && this.open) {
      event.stopPropagation();
      this.close();
    } else if (event.key === 'ArrowDown' && !this.open && (event.target as Element).classList?.contains('ms-button')) {
      event.preventDefault();
      this.toggle(true);
    }
  };
}

function filterRows(rows: readonly OptionRow[], needle: string): OptionRow[] {
  const keep = new Set<string>();
  for (const row of rows) {
    if (row.label.toLocaleLowerCase().includes(needle)) {
      keep.add(row.id);
      row.ancestors.forEach((a) => keep.add(a));
    }
  }
  return rows.filter((r) => keep.has(r.id));
}
