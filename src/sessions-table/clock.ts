/**
 * The one-second clock of active durations. It runs only while it has something to move: the
 * host is connected, on screen (an IntersectionObserver) and shows an active session. Otherwise
 * no timer is left running.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class ActiveClock implements ReactiveController {
  private timer: ReturnType<typeof setInterval> | undefined;
  private visible = true;
  private observer: IntersectionObserver | undefined;

  /** `wanted`: whether an active session is on the page shown; `tick`: moves the durations. */
  constructor(
    private readonly host: ReactiveControllerHost & Element,
    private readonly wanted: () => boolean,
    private readonly tick: () => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    if (typeof IntersectionObserver !== 'function') return;
    this.observer = new IntersectionObserver((entries) => {
      const was = this.visible;
      this.visible = entries[entries.length - 1].isIntersecting;
      // Back on screen: catch up at once rather than at the next second.
      if (this.visible && !was && this.wanted()) this.tick();
      this.hostUpdated();
    });
    this.observer.observe(this.host);
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.visible = true;
    this.hostUpdated();
  }

  /** Starts or stops the timer for what the host shows now. */
  hostUpdated(): void {
    const on = this.host.isConnected && this.visible && this.wanted();
    if (!on) this.timer = void clearInterval(this.timer);
    else this.timer ??= setInterval(this.tick, 1000);
  }
}
