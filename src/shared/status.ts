/**
 * The state panels every report shows: no endpoint, the first load's skeleton, loading again over
 * the old report, an empty range, and errors with a retry button.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ReportError } from './api.js';
import { str } from './strings.js';

export function renderNoEndpoint(): TemplateResult {
  return html`<div class="status" part="status" data-kind="info" role="status">
    <span class="status-title">${str('noEndpointTitle')}</span>
    <p class="status-message">${str('noEndpointBody')}</p>
  </div>`;
}

/**
 * An error the user can read, with a retry button when trying again may help. A response that
 * breaks the contract is a sentence for the user; what was wrong (for a developer or a support
 * ticket) is in a disclosure under it.
 */
export function renderError(error: unknown, retry: () => void): TemplateResult {
  const report = error instanceof ReportError ? error : null;
  const message = report ? report.message : str('contractError');
  const technical = report ? (report.kind === 'contract' ? report.detail : undefined) : error instanceof Error ? error.message : String(error);
  const retryable = report ? report.retryable : true;
  return html`<div class="status" part="status error" data-kind="error" data-error=${report?.kind ?? 'unknown'} role="alert">
    <p class="status-message">${message}</p>
    ${technical
      ? html`<details class="status-detail" part="error-detail"><summary>${str('technicalDetail')}</summary><code>${technical}</code></details>`
      : nothing}
    ${retryable
      ? html`<button class="button" part="retry-button" type="button" @click=${retry}>${str('retry')}</button>`
      : nothing}
  </div>`;
}

/** The first load: grey shapes where the summary strip and the chart will be. */
export function renderSkeleton(): TemplateResult {
  return html`<div class="skeleton" part="skeleton" aria-hidden="true">
      <div class="skeleton-stats">${[0, 1, 2, 3].map(() => html`<span class="skeleton-stat"></span>`)}</div>
      <div class="skeleton-plot">${[40, 55, 48, 70, 62, 35, 30, 58, 66, 74, 52, 45].map((h) => html`<span class="skeleton-bar" .style=${`height:${h}%`}></span>`)}</div>
    </div>
    <p class="visually-hidden" role="status">${str('loading')}</p>`;
}

/** A newer request loads over the report on screen: the moving bar, `extra` (a slow note), the status. */
export function renderBusy(extra: unknown = nothing): TemplateResult {
  return html`<div class="busy-bar" part="busy"></div>${extra}<p class="visually-hidden" role="status">${str('loading')}</p>`;
}

/** Nothing in the range (the `empty` slot replaces the sentence). */
export function renderEmpty(): TemplateResult {
  return html`<div class="status" part="status empty" data-kind="empty" role="status">
    <p class="status-message"><slot name="empty">${str('emptyRange')}</slot></p>
  </div>`;
}
