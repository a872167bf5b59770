/** papaparse, a strict RFC 4180 parser, in the browser tests (it ships as UMD: loaded as a classic script once). */
import type PapaType from 'papaparse';

let loading: Promise<typeof PapaType> | null = null;

export function loadPapa(): Promise<typeof PapaType> {
  loading ??= new Promise((resolve, reject) => {
    const s = document.createElement('script');
    s.src = '/node_modules/papaparse/papaparse.min.js';
    s.onload = () => resolve((window as unknown as { Papa: typeof PapaType }).Papa);
    s.onerror = reject;
    document.head.append(s);
  });
  return loading;
}
