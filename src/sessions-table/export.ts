/**
 * The CSV export (CONTRACT 6): every row matching the filters, fetched page by page (`limit`
 * 1000) with the filters and sort in force, as of the first page's `asOf`, each page's CSV (core's functions) turned into a Blob
 * part at once so that memory holds at most one page of text, then one Blob downloaded through an
 * object URL and an `<a download>` inside the shadow root (no inline script: fine under a strict
 * CSP). Cancel aborts it; a failure midway saves nothing.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { sessionsCsvChunks, sessionsCsvHeader } from '../core/csv.js';
import type { SessionsResponse } from '../core/types.js';
import { downloadBlob } from '../shared/download.js';
import { formatInteger } from '../shared/format.js';
import { str } from '../shared/strings.js';
import { EXPORT_PAGE } from './query.js';

export type ExportState =
  | { phase: 'idle' }
  | { phase: 'running'; done: number; total: number | null }
  | { phase: 'done'; rows: number; fileName: string }
  | { phase: 'cancelled' }
  | { phase: 'failed'; message: string };

export interface ExportJob {
  fileName: string;
  timeZone: string;
  /** The element's locale, for the progress figures. */
  locale: string;
  /**
   * One page of the export with the filters in force, as of `asOf` (undefined for the first page;
   * then the first page's `asOf`, so every page reads one snapshot).
   */
  fetchPage: (offset: number, limit: number, asOf: string | undefined, signal: AbortSignal) => Promise<SessionsResponse>;
}

type Host = ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment };

export class SessionsExport implements ReactiveController {
  state: ExportState = { phase: 'idle' };
  /** The last progress worth announcing (start, each quarter, the end). */
  announcement = '';
  private controller: AbortController | null = null;
  private locale = 'en';
  private readonly host: Host;

  constructor(host: Host) {
    this.host = host;
    host.addController(this);
  }

  get running(): boolean {
    return this.state.phase === 'running';
  }

  hostDisconnected(): void {
    this.cancel();
  }

  cancel(): void {
    this.controller?.abort();
  }

  dismiss(): void {
    if (this.running) return;
    this.set({ phase: 'idle' }, '');
  }

  async start(job: ExportJob): Promise<void> {
    if (this.running) return;
    this.locale = job.locale;
    const controller = new AbortController();
    this.controller = controller;
    const { signal } = controller;
    this.set({ phase: 'running', done: 0, total: null }, str('exportStarted'));
    const parts: BlobPart[] = [sessionsCsvHeader()];
    let done = 0;
    let quarter = 0;
    try {
      let total = Infinity;
      let asOf: string | undefined;
      while (done < total) {
        // Pages by offset over one pinned snapshot, ordered with the sessionId tie-break
        // (CONTRACT 3.2, 6): a session that starts meanwhile moves no row; none repeats or is lost.
        const page = await job.fetchPage(done, EXPORT_PAGE, asOf, signal);
        if (done === 0) {
          total = page.total;
          asOf = page.asOf;
        }
        if (page.items.length === 0) break;
        for (const chunk of sessionsCsvChunks(page.items, { timeZone: job.timeZone, asOf: page.asOf }, { includeHeader: false, chunkRows: EXPORT_PAGE })) {
          parts.push(new Blob([chunk]));
        }
        done += page.items.length;
        const q = Math.floor((Math.min(done, total) / Math.max(total, 1)) * 4);
        const text = q > quarter && q < 4 ? this.progressText(done, total) : this.announcement;
        quarter = Math.max(q, quarter);
        this.set({ phase: 'running', done: Math.min(done, total), total }, text);
      }
      signal.throwIfAborted();
      downloadBlob(new Blob(parts, { type: 'text/csv;charset=utf-8' }), job.fileName, this.host.renderRoot);
      this.set({ phase: 'done', rows: done, fileName: job.fileName }, str('exportDone', { rows: this.count(done), file: job.fileName }));
    } catch (error) {
      if (signal.aborted) this.set({ phase: 'cancelled' }, str('exportCancelled'));
      else {
        const detail = (error instanceof Error ? error.message : String(error)).replace(/[.\s]+$/, '');
        const message = str('exportFailed', { detail });
        this.set({ phase: 'failed', message }, message);
      }
    } finally {
      parts.length = 0;
      if (this.controller === controller) this.controller = null;
    }
  }

  private count(n: number): string {
    return formatInteger(this.locale, n);
  }

  progressText(done: number, total: number | null): string {
    return str('exporting', { done: this.count(done), total: total === null ? '…' : this.count(total) });
  }

  private set(state: ExportState, announcement: string): void {
    this.state = state;
    this.announcement = announcement;
    this.host.requestUpdate();
  }

  /** The progress bar and Cancel while running; the outcome after. */
  render(locale: string, onRetry: () => void): TemplateResult | typeof nothing {
    const s = this.state;
    switch (s.phase) {
      case 'idle':
        return nothing;
      case 'running':
        return html`<div class="export-status" part="export-status">
          <progress part="progress" max=${s.total ?? 1} .value=${s.total === null ? 0 : s.done} aria-label=${str('exportProgress')}></progress>
          <span class="export-text">${str('exporting', { done: formatInteger(locale, s.done), total: s.total === null ? '…' : formatInteger(locale, s.total) })}</span>
          <button class="button" type="button" part="cancel-button" @click=${() => this.cancel()}>${str('cancel')}</button>
        </div>`;
      case 'done':
        return html`<div class="export-status" part="export-status">
          <span class="export-text">${str('exportDone', { rows: formatInteger(locale, s.rows), file: s.fileName })}</span>
          <button class="button" type="button" @click=${() => this.dismiss()}>${str('dismiss')}</button>
        </div>`;
      case 'cancelled':
        return html`<div class="export-status" part="export-status">
          <span class="export-text">${str('exportCancelled')}</span>
          <button class="button" type="button" @click=${() => this.dismiss()}>${str('dismiss')}</button>
        </div>`;
      case 'failed':
        return html`<div class="export-status status" part="export-status" data-kind="error">
          <p class="status-message">${s.message}</p>
          <button class="button" type="button" @click=${onRetry}>${str('retry')}</button>
          <button class="button" type="button" @click=${() => this.dismiss()}>${str('dismiss')}</button>
        </div>`;
    }
  }
}
