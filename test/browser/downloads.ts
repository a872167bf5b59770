/**
 * Downloads in the export tests: the `<a download>` clicks an element makes, caught before the
 * browser saves anything, each with its file name and its Blob.
 */
export interface Download {
  name: string;
  blob: Blob;
}

/**
 * Captures the downloads (link clicks) made while `run` runs, waiting up to 5 s for `count` of
 * them: a click on an export button returns at once, and the writer loads on the first export.
 */
export async function downloads(run: () => Promise<unknown>, count = 1): Promise<Download[]> {
  const seen: Promise<Download>[] = [];
  const original = HTMLAnchorElement.prototype.click;
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    if (this.download) seen.push(fetch(this.href).then(async (r) => ({ name: this.download, blob: await r.blob() })));
    else original.call(this);
  };
  try {
    await run();
    for (const start = Date.now(); seen.length < count && Date.now() - start < 5000; ) await new Promise((r) => setTimeout(r, 20));
  } finally {
    HTMLAnchorElement.prototype.click = original;
  }
  return Promise.all(seen);
}
