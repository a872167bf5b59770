/**
 * A request that takes long: after `SLOW_AFTER_MS` the loading state says it is still waiting and
 * offers Cancel (the request is aborted and shown as cancelled, with Retry). The time-out itself
 * stays the element's `requestTimeout`.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { ReportError } from './api.js';
import { str } from './strings.js';

export const SLOW_AFTER_MS = 5000;

export class SlowRequest implements ReactiveController {
  /** The request in flight has taken longer than `SLOW_AFTER_MS`. */
  slow = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private pending = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly cancel: (reason: ReportError) => void,
  ) {
    host.addController(this);
  }

  /** Call on every update with whether a request is in flight. */
  track(pending: boolean): void {
    if (pending === this.pending) return;
    this.pending = pending;
    clearTimeout(this.timer);
    this.slow = false;
    if (pending) {
      this.timer = setTimeout(() => {
        this.slow = true;
        this.host.requestUpdate();
      }, SLOW_AFTER_MS);
    }
  }

  hostDisconnected(): void {
    clearTimeout(this.timer);
    this.pending = false;
    this.slow = false;
  }

  render(): TemplateResult | typeof nothing {
    if (!this.slow) return nothing;
    return html`<div class="slow-note" part="slow-note" role="status">
      <span>${str('stillWaiting')}</span>
      <button class="button" type="button" part="cancel-button" @click=${() => this.cancel(new ReportError('cancelled', str('loadingCancelled')))}>${str('cancel')}</button>
    </div>`;
  }
}
