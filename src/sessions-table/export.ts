/**
 * The CSV export (CONTRACT 6): every row matching the filters, fetched page by page (`limit`
 * 1000) with the filters and sort in force, as of the first page's `asOf`, each page's CSV (core's
 * rows) turned into a Blob part at once so that memory holds at most one page of text, then one
 * Blob downloaded through an object URL and an `<a download>` inside the shadow root (no inline
 * script: fine under a strict CSP). Cancel aborts it; a failure midway saves nothing. This module
 * and core's CSV writer load with the first export (`../shared/on-demand.js`).
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { sessionCsvRow, sessionsCsvHeader } from '../core/csv.js';
import { parseInstant } from '../core/tz.js';
import type { SessionsResponse } from '../core/types.js';
import { detailOf, downloadBlob } from '../shared/download.js';
import { formatInteger } from '../shared/format.js';
import { str } from '../shared/strings.js';

/**
 * The export's status: idle (nothing shown), running (`done` of `total` rows, null before the
 * first page), done, cancelled or failed (with what went wrong); named by the string it shows.
 */
export interface ExportState {
  text: 'exporting' | 'exportDone' | 'exportCancelled' | 'exportFailed' | null;
  done?: number;
  total?: number | null;
  file?: string;
  detail?: string;
}

type Host = ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment };

/** What the status says (also what is announced), in `locale` and the strings in force. */
function statusText({ text, done = 0, total = null, file = '', detail = '' }: ExportState, locale: string): string {
  const n = (value: number) => formatInteger(locale, value);
  return text ? str(text, { done: n(done), rows: n(done), total: total === null ? '…' : n(total), file, detail }) : '';
}

export class SessionsExport implements ReactiveController {
  state: ExportState = { text: null };
  /** The last progress worth announcing (start, each quarter, the end). */
  announcement = '';
  private controller: AbortController | null = null;

  constructor(private readonly host: Host) {
    host.addController(this);
  }

  get running(): boolean {
    return this.state.text === 'exporting';
  }

  hostDisconnected(): void {
    this.controller?.abort();
  }

  /**
   * Exports every row: page after page into one CSV file, with progress.
   *
   * @param fileName The file's name.
   * @param timeZone The zone of the file's times.
   * @param locale The element's locale, for the progress figures.
   * @param fetchPage The page of the export at `offset` with the filters in force, as of `asOf`
   *   (undefined for the first page; then the first page's `asOf`, so every page reads one snapshot).
   */
  async start(
    fileName: string,
    timeZone: string,
    locale: string,
    fetchPage: (offset: number, asOf: string | undefined, signal: AbortSignal) => Promise<SessionsResponse>,
  ): Promise<void> {
    if (this.running) return;
    const controller = (this.controller = new AbortController());
    const { signal } = controller;
    /** `announce`: true to announce the new status, a text to announce instead, false to keep the last. */
    const set = (state: ExportState, announce: boolean | string = true) => {
      this.state = state;
      if (announce !== false) this.announcement = announce === true ? statusText(state, locale) : announce;
      this.host.requestUpdate();
    };
    set({ text: 'exporting', total: null }, str('exportStarted'));
    const parts: BlobPart[] = [];
    let done = 0;
    let total = Infinity;
    let quarter = 0;
    let asOf: string | undefined;
    try {
      parts.push(sessionsCsvHeader());
      while (done < total) {
        // Pages by offset over one pinned snapshot, ordered with the sessionId tie-break
        // (CONTRACT 3.2, 6): a session that starts meanwhile moves no row; none repeats or is lost.
        const page = await fetchPage(done, asOf, signal);
        if (!asOf) ({ total, asOf } = page);
        if (!page.items.length) break;
        // Core's rows, not its sessionsCsvChunks: that one checks asOf through core's query
        // validation, +0.3 KB in this chunk for a page check-response has already checked.
        const now = parseInstant(page.asOf);
        let text = '';
        for (const item of page.items) text += sessionCsvRow(item, timeZone, now);
        parts.push(new Blob([text]));
        done += page.items.length;
        const q = Math.floor((Math.min(done, total) / Math.max(total, 1)) * 4);
        set({ text: 'exporting', done: Math.min(done, total), total }, q > quarter && q < 4);
        quarter = Math.max(q, quarter);
      }
      signal.throwIfAborted();
      downloadBlob(new Blob(parts, { type: 'text/csv;charset=utf-8' }), fileName, this.host.renderRoot);
      set({ text: 'exportDone', done, file: fileName });
    } catch (error) {
      set(signal.aborted ? { text: 'exportCancelled' } : { text: 'exportFailed', detail: detailOf(error) });
    } finally {
      parts.length = 0;
      if (this.controller === controller) this.controller = null;
    }
  }

  /** The progress bar and Cancel while running; the outcome (Retry after a failure) and Dismiss after. */
  render(locale: string, onRetry: () => void): TemplateResult | typeof nothing {
    const s = this.state;
    if (!s.text) return nothing;
    const running = this.running;
    const failed = s.text === 'exportFailed';
    // prettier-ignore
    return html`<div class="export-status ${failed ? 'status' : ''}" part="export-status" data-kind=${failed ? 'error' : nothing}>${running ? html`<progress part="progress" max=${s.total ?? 1} .value=${s.done ?? 0} aria-label=${str('exportProgress')}></progress>` : nothing}<span class=${failed ? 'status-message' : 'export-text'}>${statusText(s, locale)}</span>${failed ? html`<button class="button" type="button" @click=${onRetry}>${str('retry')}</button>` : nothing}<button class="button" type="button" part=${running ? 'cancel-button' : nothing} @click=${() => (running ? this.controller?.abort() : this.dismiss())}>${str(running ? 'cancel' : 'dismiss')}</button></div>`;
  }

  private dismiss(): void {
    this.state = { text: null };
    this.announcement = '';
    this.host.requestUpdate();
  }
}
