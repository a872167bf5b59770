/**
 * The one-second clock of active durations. It runs only while it has something to move: the
 * host is connected, on screen (an IntersectionObserver) and shows an active session. Otherwise
 * no timer is left running.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

type Host = ReactiveControllerHost & Element;

export class ActiveClock implements ReactiveController {
  private timer: ReturnType<typeof setInterval> | undefined;
  private visible = true;
  private observer: IntersectionObserver | undefined;
  private readonly host: Host;
  private readonly wanted: () => boolean;
  private readonly tick: () => void;

  /** `wanted`: whether an active session is on the page shown; `tick`: moves the durations. */
  constructor(host: Host, wanted: () => boolean, tick: () => void) {
    this.host = host;
    this.wanted = wanted;
    this.tick = tick;
    host.addController(this);
  }

  /** Whether the timer runs (for tests and the bench). */
  get running(): boolean {
    return this.timer !== undefined;
  }

  hostConnected(): void {
    if (typeof IntersectionObserver !== 'function') return;
    this.observer = new IntersectionObserver((entries) => {
      const was = this.visible;
      this.visible = entries[entries.length - 1].isIntersecting;
      // Back on screen: catch up at once rather than at the next second.
      if (this.visible && !was && this.wanted()) this.tick();
      this.sync();
    });
    this.observer.observe(this.host);
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = undefined;
    this.visible = true;
    this.sync();
  }

  hostUpdated(): void {
    this.sync();
  }

  private sync(): void {
    const on = this.host.isConnected && this.visible && this.wanted();
    if (on && this.timer === undefined) this.timer = setInterval(this.tick, 1000);
    else if (!on && this.timer !== undefined) {
      clearInterval(this.timer);
      this.timer = undefined;
    }
  }
}
