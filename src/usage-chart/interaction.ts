/**
 * Pointer and keyboard on the chart: which bucket is active (under the pointer or in keyboard
 * focus), whether its tooltip shows, and what a screen reader hears. Arrow keys move by one
 * bucket, Page Up/Down by ten, Home/End jump, Enter or Space select, Escape hides the tooltip.
 * A mouse click selects; on touch (no hover) a tap shows the tapped bucket's tooltip and a
 * second tap on it selects it.
 */
import type { ReactiveControllerHost } from 'lit';
import type { UsageBucket } from '../core/types.js';
import { bucketAt, type ChartLayout } from './layout.js';
import { factsSentence, type BucketFacts } from './panels.js';

export interface InteractionSource {
  layout(): ChartLayout | null;
  buckets(): readonly UsageBucket[];
  svg(): SVGSVGElement | null;
  select(index: number): void;
  describe(index: number): BucketFacts | null;
}

/** How far each key moves the active bucket (clamped to the first and last; Home and End go all the way). */
const STEPS: Partial<Record<string, number>> = {
  ArrowRight: 1,
  ArrowUp: 1,
  ArrowLeft: -1,
  ArrowDown: -1,
  PageUp: 10,
  PageDown: -10,
  Home: -Infinity,
  End: Infinity,
};

/** Pointer and keyboard state of the chart; asks its host to re-render on a change. */
export class ChartInteraction {
  /** The active bucket; -1 for none. */
  active = -1;
  /** The tooltip shows. */
  visible = false;
  /** The chart has keyboard focus. */
  focused = false;
  /** Text for the polite live region (keyboard moves only). */
  announcement = '';
  /** The pointer of the last press (`mouse`, `touch`, `pen`). */
  private pointerType = 'mouse';
  /** Focus is arriving from a press on the chart, not from the keyboard. */
  private pressing = false;

  constructor(private readonly host: ReactiveControllerHost, private readonly source: InteractionSource) {}

  /** New data: nothing is active. */
  reset(): void {
    this.active = -1;
    this.visible = false;
    this.announcement = '';
  }

  private set(active: number, visible: boolean, announce = false): void {
    if (active === this.active && visible === this.visible && !announce) return;
    this.active = active;
    this.visible = visible;
    if (announce) {
      const facts = active >= 0 ? this.source.describe(active) : null;
      this.announcement = facts ? factsSentence(facts) : '';
    }
    this.host.requestUpdate();
  }

  /** The bucket under the pointer, or -1 outside the plot. */
  indexAt(event: MouseEvent): number {
    const layout = this.source.layout();
    const svg = this.source.svg();
    if (!layout || !svg) return -1;
    const rect = svg.getBoundingClientRect();
    const px = event.clientX - rect.left - layout.margin.left;
    const py = event.clientY - rect.top - layout.margin.top;
    if (px < 0 || px > layout.plotWidth || py < 0 || py > layout.plotHeight) return -1;
    return bucketAt(layout, px);
  }

  onPointerMove = (event: PointerEvent): void => {
    // Only a hovering mouse moves the tooltip; a finger's move is a scroll or the start of a tap.
    if (event.pointerType && event.pointerType !== 'mouse') return;
    const index = this.indexAt(event);
    if (index >= 0) this.set(index, true);
    else if (!this.focused) this.set(this.active, false);
  };

  onPointerLeave = (event: PointerEvent): void => {
    if (event.pointerType && event.pointerType !== 'mouse') return;
    if (!this.focused) this.set(this.active, false);
  };

  onPointerDown = (event: PointerEvent): void => {
    this.pointerType = event.pointerType || 'mouse';
    this.pressing = true;
  };

  onClick = (event: MouseEvent): void => {
    this.pressing = false;
    const index = this.indexAt(event);
    if (index < 0) return;
    const type = (event as PointerEvent).pointerType || this.pointerType;
    // Touch has no hover: the first tap shows the bucket, a second tap on it selects it.
    if (type !== 'mouse' && !(this.visible && this.active === index)) {
      this.set(index, true, true);
      return;
    }
    this.source.select(index);
  };

  onFocus = (): void => {
    this.focused = true;
    const n = this.source.buckets().length;
    // A press focuses the chart too: the pressed bucket is shown by the click, not bucket 0.
    if (n === 0 || this.pressing) return;
    this.set(this.active >= 0 && this.active < n ? this.active : 0, true, true);
  };

  onBlur = (): void => {
    this.focused = false;
    this.set(this.active, false);
  };

  onKeyDown = (event: KeyboardEvent): void => {
    const n = this.source.buckets().length;
    if (n === 0) return;
    const current = this.active >= 0 ? this.active : 0;
    const step = STEPS[event.key];
    if (step !== undefined) {
      event.preventDefault();
      this.set(Math.min(n - 1, Math.max(0, current + step)), true, true);
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      this.source.select(current);
    } else if (event.key === 'Escape' && this.visible) {
      event.preventDefault();
      this.set(current, false);
    }
  };
}
