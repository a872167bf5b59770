/**
 * Saves a Blob under a file name through a temporary `<a download>` inside the element's shadow
 * root: no inline script and no `window.open`, so it works under a strict Content-Security-Policy.
 */
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
