/**
 * The demo portal: generates a dataset, serves it through the mock in a Service Worker, and shows
 * each report element (or a note while it is not built), the mock's controls and the dataset.
 */
import { setupWorker } from 'msw/browser';
import { anchorEnd, createMockService, generateDataset } from '../src/mock/index.js';
import { renderDatasetPanel } from './dataset-panel.js';
import { renderMockPanel } from './mock-panel.js';
import { readParams } from './params.js';
import { loadElements, renderSections } from './sections.js';
import { setUpThemeToggle } from './theme.js';

const ENDPOINT = '/api';

async function main(): Promise<void> {
  const boot = document.getElementById('boot') as HTMLElement;
  const reports = document.getElementById('reports') as HTMLElement;
  setUpThemeToggle(document.getElementById('theme-toggle') as HTMLButtonElement);
  const params = readParams(location.search);

  // Let the "Generating…" note paint before a large dataset blocks the thread.
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
  // The data ends, and the mock's clock stands, at the start of today (UTC): every load of one day
  // shows the same numbers for the same seed.
  const end = anchorEnd();
  const t0 = performance.now();
  const dataset = generateDataset({ seed: params.seed, sessions: params.sessions, days: params.days, end });
  const generationMs = performance.now() - t0;

  const { handlers, control } = createMockService({
    endpoint: ENDPOINT,
    dataset,
    asOf: end,
    settings: { failure: params.failure, delayMs: params.delayMs },
  });
  const worker = setupWorker(...handlers);
  await worker.start({ quiet: true, onUnhandledFrame: 'bypass', serviceWorker: { url: '/mockServiceWorker.js' } });

  const { buildError } = await loadElements();
  const sections = renderSections(ENDPOINT, buildError);
  reports.append(
    sections.element,
    renderMockPanel(control, () => sections.reload(), reports),
    renderDatasetPanel(dataset, params, generationMs, end),
  );
  wireDrillDown(reports);
  boot.remove();
  Object.assign(window, { kreDemo: { dataset, control, worker, generationMs } });
}

/**
 * A chart's bucket, clicked or chosen with Enter, opens the session log on the sessions active at
 * its peak (the same drill-down as the plain page example), for that product and organization.
 */
function wireDrillDown(root: HTMLElement): void {
  root.addEventListener('kre-bucket-select', (event) => {
    const sessions = root.querySelector('kre-user-sessions');
    const { peakAt, organization, product } = event.detail;
    if (!sessions || !peakAt) return; // nobody held a license in that bucket
    sessions.setAttribute('product', product);
    sessions.setAttribute('active-at', peakAt);
    if (organization.length > 0) sessions.setAttribute('organization', organization.join(','));
    else sessions.removeAttribute('organization');
    sessions.scrollIntoView({ behavior: 'smooth', block: 'start' });
  });
}

main().catch((error: unknown) => {
  const boot = document.getElementById('boot');
  if (!boot) return;
  boot.dataset.kind = 'error';
  boot.textContent =
    `The demo could not start: ${(error as Error)?.message ?? String(error)}. ` +
    'Service Workers need https or localhost; open the page at the URL npm start printed.';
});
