/**
 * A request that takes long: after `SLOW_AFTER_MS` the loading state says it is still waiting and
 * offers Cancel (the request is aborted and shown as cancelled, with Retry). The time-out itself
 * stays the element's `requestTimeout`.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { TaskStatus, type Task } from '@lit/task';
import { ReportError } from './api.js';
import { str } from './strings.js';

export const SLOW_AFTER_MS = 5000;

export class SlowRequest implements ReactiveController {
  /** The request in flight has taken longer than `SLOW_AFTER_MS`. */
  slow = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private pending = false;

  /** `task`: the element's report request (add this controller after it). */
  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly task: Pick<Task, 'status' | 'abort'>,
  ) {
    host.addController(this);
  }

  /** After each update (the Task's hostUpdate starts a run): whether a request is in flight. */
  hostUpdated(): void {
    const pending = this.task.status === TaskStatus.PENDING;
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
      <button class="button" type="button" part="cancel-button" @click=${() => this.task.abort(new ReportError('cancelled', str('loadingCancelled')))}>${str('cancel')}</button>
    </div>`;
  }
}
