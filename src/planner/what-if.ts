/**
 * "What if": a licence count to try (a number input and a slider from 0 to twice the peak, kept
 * in sync) and the replay of the demand against it (CONTRACT 3.4, `replay`) beside the real
 * figures. A change is committed after a pause (300 ms), so a drag or a typed number asks once.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { CapacityResponse } from '../core/types.js';
import { formatInteger } from '../shared/format.js';
import { renderError } from '../shared/status.js';
import { str } from '../shared/strings.js';
import { secondsAbove } from './coverage.js';
import { formatSeconds, formatShare, licences } from './format.js';

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
      this.timer = undefined;
      this.draft = null;
      this.commit(count);
    }, DEBOUNCE_MS);
  }

  hostDisconnected(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.draft = null;
  }

  render(s: WhatIfState): TemplateResult {
    const { data, locale } = s;
    const value = this.draft ?? s.count;
    const top = Math.max(2 * data.coverage.max, value, 1);
    const typed = (event: Event) => {
      const text = (event.target as HTMLInputElement).value.trim();
      if (/^\d{1,9}$/.test(text) && Number(text) !== value) this.set(Number(text));
    };
    const restore = (event: Event) => ((event.target as HTMLInputElement).value = String(value));
    const replay = s.replay?.replay;
    const row = (label: string, actual: string, replayed: string | undefined) =>
      html`<tr><th scope="row">${label}</th><td>${actual}</td><td>${replayed ?? '…'}</td></tr>`;
    const over = (seconds: number, total: number) => `${formatSeconds(locale, seconds)} (${formatShare(locale, total ? seconds / total : 0)})`;
    return html`<section class="panel what-if" part="what-if" aria-labelledby="what-if-title">
      <h3 class="panel-title" id="what-if-title">${str('whatIfTitle')}</h3>
      <div class="what-if-control">
        <label class="field-label" id="licenses-label" for="licenses-input">${str('licencesToTry')}</label>
        <input id="licenses-range" part="licenses-range" type="range" min="0" max=${top} step="1" aria-labelledby="licenses-label"
          .value=${live(String(value))} @input=${typed} />
        <span class="field"><input id="licenses-input" part="licenses-input" type="number" inputmode="numeric" min="0" step="1"
          .value=${live(String(value))} @input=${typed} @blur=${restore} /></span>
      </div>
      ${s.error ? renderError(s.error, s.retry) : nothing}
      <table class="data-table compare" part="what-if-table" aria-busy=${s.busy ? 'true' : 'false'}>
        <thead>
          <tr>
            <td></td>
            <th scope="col">${str('actual', { licences: licences(locale, data.available) })}</th>
            <th scope="col">${replay ? str('replayed', { licences: licences(locale, replay.licenses) }) : '…'}</th>
          </tr>
        </thead>
        <tbody>
          ${row(str('refusedRequests'), formatInteger(locale, data.denied), replay && formatInteger(locale, replay.refused))}
          ${row(str('timeOverCapacity'), over(secondsAbove(data, data.available), data.seconds), replay && over(replay.secondsOver, s.replay!.seconds))}
          ${row(str('peakUsage'), formatInteger(locale, data.coverage.max), replay && formatInteger(locale, replay.peak))}
        </tbody>
      </table>
      <p class="note">${str('replayNote')}</p>
    </section>`;
  }
}

export interface WhatIfState {
  data: CapacityResponse;
  /** The count in force: `licenses`, else the licences available. */
  count: number;
  /** The response of the last replay (`replay` present), if any. */
  replay: CapacityResponse | undefined;
  busy: boolean;
  error: unknown;
  retry: () => void;
  locale: string;
}
