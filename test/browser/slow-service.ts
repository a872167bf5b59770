/**
 * The slow-request path every report shares (`src/shared/slow.ts`), driven the same way on each
 * element: a new query while the service answers slowly, no note before `SLOW_AFTER_MS`, then
 * "Still waiting… Cancel" (accessible), Cancel ends in the "cancelled" error, and Retry with a
 * prompt service loads again. Each caller then checks its own report is back.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { SLOW_AFTER_MS } from '../../src/shared/slow.js';

export { SLOW_AFTER_MS };

export interface SlowServiceSteps {
  /** Makes the service answer after `delayMs` (0: at once). */
  delay(delayMs: number): void;
  /** Asks for a new report (a filter or a sort changes). */
  ask(): void;
  /** Waits until the element has settled. */
  settled(): Promise<void>;
  /** Checked while the note shows (what stays on screen, marked busy). */
  whileWaiting?(): void;
}

const find = (el: Element, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector);
const text = (node: Element | null) => node!.textContent!.replace(/\s+/g, ' ').trim();

export async function slowNoteCancelRetry(el: HTMLElement & { updateComplete: Promise<boolean> }, steps: SlowServiceSteps): Promise<void> {
  // Long enough to pass the slow mark, short enough that the worker's handler ends by itself.
  steps.delay(SLOW_AFTER_MS + 2500);
  steps.ask();
  await el.updateComplete;
  expect(find(el, '[part~="slow-note"]')).to.equal(null);
  await waitUntil(() => find(el, '[part~="slow-note"]'), 'no slow note', { timeout: SLOW_AFTER_MS + 3000 });
  expect(text(find(el, '[part~="slow-note"]'))).to.equal('Still waiting for the report service… Cancel');
  steps.whileWaiting?.();
  await expect(el).to.be.accessible();
  find(el, '[part~="slow-note"] [part~="cancel-button"]')!.click();
  await steps.settled();
  const status = find(el, '.status[data-kind="error"]')!;
  expect(status.dataset.error).to.equal('cancelled');
  expect(text(status)).to.contain('Loading was cancelled.');
  steps.delay(0);
  find(el, '[part~="retry-button"]')!.click();
  await steps.settled();
}
