/**
 * One ResizeObserver on an element of the shadow root: its content size in whole pixels, sub-pixel
 * changes ignored (lit/lit labs/observers' ResizeController, trimmed). The first size applies at
 * once: the observer reports it after layout and before paint, so the chart is drawn in the frame
 * its data arrived in, without forcing a layout of its own. Later sizes apply on the next frame
 * (one update for a burst of resizes).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class SizeController implements ReactiveController {
  width = 0;
  height = 0;
  private observer: ResizeObserver | null = null;
  private target: Element | null = null;
  private frame = 0;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** Observes `element` (call after each render; a new element replaces the old one). */
  observe(element: Element | null | undefined): void {
    if (!element || element === this.target) return;
    this.observer ??= new ResizeObserver((entries) => this.measured(entries));
    if (this.target) this.observer.unobserve(this.target);
    this.target = element;
    this.observer.observe(element);
  }

  private measured(entries: ResizeObserverEntry[]): void {
    const box = entries[entries.length - 1].contentRect;
    const width = Math.floor(box.width);
    const height = Math.floor(box.height);
    // Hidden (the table view): keep the last size, so the chart is ready when it shows again.
    if (width === 0 || height === 0) return;
    if (width === this.width && height === this.height) return;
    const apply = () => {
      this.width = width;
      this.height = height;
      this.host.requestUpdate();
    };
    cancelAnimationFrame(this.frame);
    if (this.width === 0) apply();
    else this.frame = requestAnimationFrame(apply);
  }

  /** Moved in the DOM: measure again (the observer was dropped on disconnect). */
  hostConnected(): void {
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    cancelAnimationFrame(this.frame);
    this.observer?.disconnect();
    this.observer = null;
    this.target = null;
  }
}
