/**
 * A multi-select of checkboxes in a disclosure panel, with an optional hierarchy (a selected
 * parent includes its descendants, shown checked and disabled) and a search box when the list
 * is long. A ReactiveController that renders into its host's shadow root: no extra tag is defined.
 *
 * Keyboard: the button opens the panel (Enter, Space, ArrowDown); Tab moves through the search
 * box and checkboxes; Escape closes it and returns focus to the button.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { failedText } from '../download.js';
import { loadOnDemand, onDemand } from '../load-on-demand.js';
import { str, type StringKey } from '../strings.js';

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
  /**
   * Keys of the control's strings (read at each render, so `setStrings` changes them): the field's
   * label ("Organization"), the button text when nothing is selected ("All organizations"), the
   * search box's label, the button text for several selected (`{count}`: "3 organizations") and the
   * text when a search matches nothing ("No organization matches").
   */
  text: readonly [label: StringKey, all: StringKey, search: StringKey, count: StringKey, empty: StringKey];
  onChange: (ids: string[]) => void;
  /** Show the search box from this many options (default 8). */
  searchFrom?: number;
  /**
   * This filter's own part names: `{part}-button` and `{part}-panel`, beside the shared
   * `filter-button` and `filter-panel` (default: the id).
   */
  part?: string;
}

let instances = 0;

/** Starts loading the panel's code (src/shared/on-demand.ts) before the first open, when the pointer or focus comes to a button. */
const preload = () => void loadOnDemand().catch(() => undefined);

export class MultiSelect implements ReactiveController {
  open = false;
  query = '';
  /** Why the panel could not open (its code did not load), or ''. */
  private failure = '';
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

  /**
   * The outside-press listener is on the document only while the panel is open: no idle work.
   * (Adding the same listener twice, or removing one that is not there, does nothing.)
   */
  private listen(on: boolean): void {
    if (typeof document !== 'undefined') document[on ? 'addEventListener' : 'removeEventListener']('pointerdown', this.outside, true);
  }

  hostDisconnected(): void {
    this.open = false;
    this.listen(false);
  }

  /** The control's box in the host's shadow root (found by id: no ref directive to ship). */
  private get root(): HTMLElement | null {
    return (this.host.shadowRoot ?? this.host).querySelector(`#${this.base}`);
  }

  private readonly outside = (event: Event) => {
    const root = this.root;
    if (this.open && root && !event.composedPath().includes(root)) this.close(false);
  };

  toggle(open = !this.open): void {
    if (open && !onDemand()) {
      // The first open loads the panel's code (the list and the search box), then opens.
      loadOnDemand().then(
        () => this.host.isConnected && this.toggle(true),
        (error: unknown) => {
          this.failure = failedText('onDemandFailed', error);
          this.host.requestUpdate();
        },
      );
      return;
    }
    this.failure = '';
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
    if (!selected.length) return str(this.options.text[1]);
    if (selected.length === 1) return rows.find((r) => r.id === selected[0])?.label ?? selected[0];
    return str(this.options.text[3], { count: selected.length });
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
    const panel = this.open ? onDemand() : undefined;
    return html`<div class="ms" id=${base} @keydown=${this.keydown}>
      <span class="ms-label" id="${base}-label">${str(this.options.text[0])}</span>
      <button
        class="ms-button button"
        part="filter-button ${this.options.part ?? this.options.id}-button"
        type="button"
        aria-expanded=${this.open ? 'true' : 'false'}
        aria-controls="${base}-panel"
        aria-labelledby="${base}-label ${base}-value"
        ?disabled=${disabled}
        @click=${() => this.toggle()}
        @pointerenter=${preload}
        @focus=${preload}
      >
        <span id="${base}-value" class="ms-value">${this.summary(rows, selected)}</span>
        <span class="ms-caret" aria-hidden="true">▾</span>
      </button>
      ${panel
        ? panel.renderPanel(
            base,
            this.options,
            this.query,
            (query) => {
              this.query = query;
              this.host.requestUpdate();
            },
            rows,
            selected,
            (id, checked) => this.change(rows, selected, id, checked),
          )
        : nothing}${this.failure ? html`<p class="field-error" role="alert">${this.failure}</p>` : nothing}
    </div>`;
  }

  private readonly keydown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && this.open) {
      event.stopPropagation();
      this.close();
    } else if (event.key === 'ArrowDown' && !this.open && (event.target as Element).classList?.contains('ms-button')) {
      event.preventDefault();
      this.toggle(true);
    }
  };
}
