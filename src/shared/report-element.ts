/**
 * The base of every report element: the attributes all reports share (CONTRACT 2), their
 * defaults, the request helper and the `kre-filter-change` announcement.
 */
import { LitElement, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Product } from '../core/types.js';
import { isTimeZone } from '../core/tz.js';
import { str } from './strings.js';
import { warnOnce, type AttributeNotice } from './notices.js';
import { PageContextController } from './page-context.js';
import { DEFAULT_TIMEOUT_MS, requestJson, type FetchLike } from './api.js';
import { presetRange, todayDays, type DateRange } from './dates.js';
import { emit, type FilterState } from './events.js';
import { browserTimeZone, resolveLocale } from './format.js';
import { reportUrl, splitList, type ParamValue } from './url.js';
import { civilToDays, daysToCivil, formatCivilDate, parseCivilDate, type CivilDate } from '../core/tz.js';
import { loadOnDemand, onDemand, type OnDemand } from './load-on-demand.js';
import { failedText } from './download.js';

export abstract class ReportElement extends LitElement {
  /** Base URL of the report service, absolute or relative. Without it no request is made. */
  @property({ reflect: true }) endpoint: string | null = null;

  /** First day of the range, `YYYY-MM-DD` in `time-zone`. Default: 29 days before today. */
  @property({ reflect: true }) from: string | null = null;

  /** Last day of the range (inclusive), `YYYY-MM-DD` in `time-zone`. Default: today. */
  @property({ reflect: true }) to: string | null = null;

  /** IANA time zone of the dates and the report. Default: the browser's zone. */
  @property({ attribute: 'time-zone', reflect: true }) timeZone: string | null = null;

  /** Comma-separated organization ids to filter on (each includes its descendants). Default: all. */
  @property({ reflect: true }) organization: string | null = null;

  /** BCP 47 locale for numbers and dates. Default: the document's `lang`, else the browser's. */
  @property({ reflect: true }) locale: string | null = null;

  /**
   * Replaces `window.fetch` for this element's requests (same signature): add auth headers or
   * route requests. The default sends `credentials: 'same-origin'`.
   */
  @property({ attribute: false }) fetch: FetchLike | null = null;

  /** Milliseconds a request may take before it is abandoned and shown as timed out. */
  @property({ attribute: false }) requestTimeout: number = DEFAULT_TIMEOUT_MS;

  /** The product the report reads: `kre` or `testcloud`. */
  abstract get product(): Product;

  /**
   * The attribute values in force that the element cannot use, each with what it uses instead
   * (shown in the element; warned once in the console).
   * @internal
   */
  protected notices: readonly AttributeNotice[] = [];

  private readonly warned = new Set<string>();

  /** What the element says in its notice line: an export or a part that failed. */
  @state() protected notice = '';

  /** The table view is on (the charts and the planner); its code loads with the first switch. */
  @state() protected showTable = false;

  /** The on-demand code (table views, export writers) once loaded: undefined before the first use. */
  protected get onDemand(): OnDemand | undefined {
    return onDemand();
  }

  /**
   * Loads what only a user's action needs (src/shared/on-demand.ts, a chunk beside
   * dist/kre-license-reports.bundle.js) and renders again when it is here. Rejects when it cannot
   * be loaded; the next call tries again.
   */
  protected async loadOnDemand(): Promise<OnDemand> {
    const module = await loadOnDemand();
    this.requestUpdate();
    return module;
  }

  /** Switches between the charts and the table view (whose code loads with the first switch). */
  protected toggleTable(): void {
    this.showTable = !this.showTable;
    if (this.showTable) {
      this.loadOnDemand().catch((error: unknown) => {
        this.showTable = false;
        this.notice = failedText('onDemandFailed', error);
      });
    }
  }

  /** An export's outcome; a failure (no file saved) is said in the notice line. */
  protected saved(saving: Promise<boolean>): Promise<boolean> {
    return saving.catch((error: unknown) => {
      this.notice = failedText('exportFailed', error);
      return false;
    });
  }

  constructor() {
    super();
    // `setStrings`, and `dir` or `lang` on any element of the page, render every report again.
    new PageContextController(this);
  }

  /** The zone in force: `time-zone` when valid, else the browser's. */
  protected get zone(): string {
    return this.timeZone && isTimeZone(this.timeZone) ? this.timeZone : browserTimeZone();
  }

  protected get resolvedLocale(): string {
    return resolveLocale(this.locale, this);
  }

  protected get organizationIds(): string[] {
    return splitList(this.organization);
  }

  /**
   * The date range in force. Both attributes valid: them (swapped when inverted). Only `from`:
   * from it to today, or its 30 days when it is in the future. Only `to`: the 30 days ending then.
   * Neither: the 30 days ending today in the element's zone.
   */
  protected get range(): DateRange {
    const from = parseCivilDate(this.from) ? (this.from as string) : null;
    const to = parseCivilDate(this.to) ? (this.to as string) : null;
    if (from && to) return from <= to ? { from, to } : { from: to, to: from };
    const today = todayDays(this.zone);
    if (from) {
      const start = civilToDays(parseCivilDate(from) as CivilDate);
      return { from, to: formatCivilDate(daysToCivil(start <= today ? today : start + 29)) };
    }
    return presetRange('last30', to ? civilToDays(parseCivilDate(to) as CivilDate) : today);
  }

  /**
   * The notices of the shared attributes: an unknown `time-zone`, a malformed or inverted
   * `from`/`to`, a `locale` that is not a language tag. Elements add their own.
   */
  protected collectNotices(): AttributeNotice[] {
    const notices: AttributeNotice[] = [];
    if (this.timeZone !== null && !isTimeZone(this.timeZone)) {
      notices.push({
        attribute: 'time-zone',
        value: this.timeZone,
        problem: str('problemTimeZone'),
        using: str('usingBrowserZone', { zone: browserTimeZone() }),
      });
    }
    const range = this.range;
    const using = str('usingRange', { from: range.from, to: range.to });
    for (const [attribute, value] of [['from', this.from], ['to', this.to]] as const) {
      if (value !== null && !parseCivilDate(value)) notices.push({ attribute, value, problem: str('problemDate'), using });
    }
    if (this.from && this.to && parseCivilDate(this.from) && parseCivilDate(this.to) && this.from > this.to) {
      notices.push({ attribute: 'from', value: this.from, problem: str('problemAfterTo', { to: this.to }), using });
    }
    if (this.locale) {
      try {
        Intl.getCanonicalLocales(this.locale);
      } catch {
        notices.push({ attribute: 'locale', value: this.locale, problem: str('problemLocale'), using: this.resolvedLocale });
      }
    }
    return notices;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.notices = this.collectNotices();
    warnOnce(this, this.warned, this.notices);
  }

  /** The whole filter state, as announced in `kre-filter-change`. */
  filterState(): FilterState {
    const { from, to } = this.range;
    return { from, to, timeZone: this.zone, organization: this.organizationIds, product: this.product };
  }

  /** GETs `{endpoint}/{product}/{resource}` as JSON, aborted by `signal`. */
  protected request(resource: 'usage' | 'sessions' | 'capacity', params: Record<string, ParamValue>, signal: AbortSignal): Promise<unknown> {
    const url = reportUrl(this.endpoint ?? '', this.product, resource, params);
    return requestJson(url, { fetch: this.fetch ?? undefined, signal, timeoutMs: this.requestTimeout });
  }

  /**
   * Applies a filter change made in the UI: sets the properties (reflected to attributes) and
   * announces the whole new state with a bubbling, composed `kre-filter-change`.
   */
  protected changeFilters<T extends ReportElement, K extends keyof T & keyof FilterState>(this: T, patch: Partial<Pick<T, K>>): void {
    Object.assign(this, patch);
    emit(this, 'kre-filter-change', this.filterState());
  }
}

export type { ParamValue };
