/**
 * The report service of the example hosts, run in the page: the MSW handlers of
 * `kre-license-reports/mock` over a seeded dataset, with the server's "now" pinned so the numbers
 * are the same on every load (the end-to-end tests compare them with `kre-license-reports/core`).
 * A real host leaves this file out and points `endpoint` at its report service.
 */
import { setupWorker } from 'msw/browser';
import { createMockService, generateDataset } from 'kre-license-reports/mock';
import demo from './demo.json';

/**
 * The in-page service's settings (demo.json, which the end-to-end tests read too): the endpoint,
 * the pinned "now", the generator's seed and size, and the range a fresh page opens on (October
 * 2026 in Berlin).
 */
export const DEMO = demo;

export async function startMockApi(): Promise<void> {
  const dataset = generateDataset({ seed: DEMO.seed, sessions: DEMO.sessions, days: DEMO.days, end: DEMO.asOf });
  const { handlers } = createMockService({ endpoint: DEMO.endpoint, dataset, asOf: DEMO.asOf });
  await setupWorker(...handlers).start({
    quiet: true,
    serviceWorker: { url: `${import.meta.env.BASE_URL}mockServiceWorker.js` },
    onUnhandledFrame: 'bypass',
  });
}
