/**
 * "What if": a license count to try (a number input and a slider from 0 to twice the peak, kept
 * in sync) and the replay of the demand against it (CONTRACT 3.4, `replay`) beside the real
 * figures. A change is committed after a pause (300 ms), so a drag or a typed number asks once.
 */
import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { CapacityResponse } from '../core/types.js';
import { formatInteger, formatSeconds, formatShare, licenseCount } from '../shared/format.js';
import { renderError } from '../shared/status.js';
import { str } from '../shared/strings.js';
import { renderRows } from '../shared/table.js';
import { secondsAbove } from './coverage.js';
import { wholeCount } from './data.js';

export const DEBOUNCE_MS = 300;

export class WhatIf implements ReactiveController {
  /** The count on the control while a change waits to be committed; null: none waiting. */
  draft: number | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly commit: (count: number) => void,
  ) {
    host.addController(this);
  }

  /** A new count from the control: shown at once, committed when the user pauses. */
  set(count: number): void {
    this.draft = count;
    this.host.requestUpdate();
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.draft = null;
      this.commit(count);
    }, DEBOUNCE_MS);
  }

  hostDisconnected(): void {
    clearTimeout(this.timer);
    this.draft = null;
  }

  /**
   * The section. Positional arguments rather than one state object: the planner is the one caller,
   * and the bundle would otherwise carry every name twice.
   *
   * @param data The response without `licenses` (the real figures).
   * @param count The count in force: `licenses`, else the licenses available.
   * @param answer The response of the last replay (`replay` present), if any.
   * @param busy Whether a newer replay is asked for or loading (the control's own draft counts too).
   * @param error The replay's failure, if any (shown with a retry).
   * @param retry Asks for the replay again.
   * @param locale The locale of the numbers.
   */
  render(data: CapacityResponse, count: number, answer: CapacityResponse | undefined, busy: boolean, error: unknown, retry: () => void, locale: string): TemplateResult {
    busy ||= this.draft !== null;
    const value = String(this.draft ?? count);
    const typed = (event: Event) => {
      const typedCount = wholeCount((event.target as HTMLInputElement).value);
      if (typedCount !== null && typedCount !== +value) this.set(typedCount);
    };
    const r = answer?.replay;
    const n = (v: number) => formatInteger(locale, v);
    const over = (seconds: number, total: number) => `${formatSeconds(locale, seconds)} (${formatShare(locale, total ? seconds / total : 0)})`;
    const rows = [
      [str('refusedRequests'), n(data.denied), r ? n(r.refused) : '…'],
      [str('timeOverCapacity'), over(secondsAbove(data, data.available), data.seconds), r ? over(r.secondsOver, answer!.seconds) : '…'],
      [str('peakUsage'), n(data.coverage.max), r ? n(r.peak) : '…'],
    ];
    return html`<section class="panel what-if" part="what-if" aria-labelledby="what-if-title">
      <h3 class="panel-title" id="what-if-title">${str('whatIfTitle')}</h3>
      <div class="what-if-control">
        <label class="field-label" id="licenses-label" for="licenses-input">${str('licensesToTry')}</label>
        <input id="licenses-range" part="licenses-range" type="range" min="0" max=${Math.max(2 * data.coverage.max, +value, 1)} step="1"
          aria-labelledby="licenses-label" .value=${live(value)} @input=${typed} />
        <span class="field"><input id="licenses-input" part="licenses-input" type="number" inputmode="numeric" min="0" step="1"
          .value=${live(value)} @input=${typed} @blur=${(event: Event) => ((event.target as HTMLInputElement).value = value)} /></span>
      </div>
      ${error ? renderError(error, retry) : ''}
      <table class="data-table compare" part="what-if-table" aria-busy=${String(busy)}>
        <thead>
          <tr>
            <td></td>
            <th scope="col">${str('actual', { licenses: licenseCount(locale, data.available) })}</th>
            <th scope="col">${r ? str('replayed', { licenses: licenseCount(locale, r.licenses) }) : '…'}</th>
          </tr>
        </thead>
        <tbody>${renderRows(rows)}</tbody>
      </table>
      <p class="note">${str('replayNote')}</p>
    </section>`;
  }
}
