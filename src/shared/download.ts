/**
 * Downloads: a file saved through a temporary `<a download>` inside the element's shadow root (no
 * inline script and no `window.open`, so it works under a strict Content-Security-Policy), after a
 * cancelable `kre-export` that names it.
 */
import { emit, type FilterState } from './events.js';
import { str } from './strings.js';

export function downloadBlob(blob: Blob, fileName: string, within: Node & ParentNode): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  within.append(link);
  link.click();
  link.remove();
  // Revoke later: revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/** An error's message as the `{detail}` inside a sentence: its own closing full stop dropped. */
export const detailOf = (error: unknown) => (error instanceof Error ? error.message : String(error)).replace(/[.\s]+$/, '');

/** What the element says when an export failed (no file was saved) or its on-demand code did not load. */
export const failedText = (key: 'exportFailed' | 'onDemandFailed', error: unknown) => str(key, { detail: detailOf(error) });

/** An element that exports: its product and its shadow root (where the download link goes). */
export type Exporter = HTMLElement & { renderRoot: HTMLElement | DocumentFragment; product: string };

/**
 * Announces `fileName` with a cancelable `kre-export` and, unless a listener cancels it, saves what
 * `make` returns: CSV text (saved as `text/csv`, UTF-8) or a Blob. Resolves true when saved.
 */
export async function exportFile(
  host: Exporter,
  format: 'csv' | 'png',
  fileName: string,
  filters: FilterState,
  make: () => string | Blob | Promise<string | Blob>,
): Promise<boolean> {
  if (!emit(host, 'kre-export', { format, fileName, product: host.product, filters }, { cancelable: true })) return false;
  const file = await make();
  downloadBlob(typeof file === 'string' ? new Blob([file], { type: 'text/csv;charset=utf-8' }) : file, fileName, host.renderRoot);
  return true;
}
