/**
 * Renders its host again when what the page tells every element changes: the string table
 * (`setStrings`), or a `dir` or `lang` attribute on any element of the document (the writing
 * direction and, through `lang`, the default locale). One MutationObserver serves every element,
 * and only while one is connected; nothing runs outside a browser (server-side rendering).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { onStringsChange } from './strings.js';

const hosts = new Set<ReactiveControllerHost>();
let observer: MutationObserver | undefined;
let unsubscribe: (() => void) | undefined;

const renderAll = () => hosts.forEach((host) => host.requestUpdate());

export class PageContextController implements ReactiveController {
  private readonly host: ReactiveControllerHost;

  constructor(host: ReactiveControllerHost) {
    this.host = host;
    host.addController(this);
  }

  hostConnected(): void {
    hosts.add(this.host);
    unsubscribe ??= onStringsChange(renderAll);
    if (!observer && typeof MutationObserver === 'function' && typeof document !== 'undefined') {
      observer = new MutationObserver(renderAll);
      observer.observe(document, { attributes: true, attributeFilter: ['dir', 'lang'], subtree: true });
    }
  }

  hostDisconnected(): void {
    hosts.delete(this.host);
    if (hosts.size) return;
    observer?.disconnect();
    observer = undefined;
    unsubscribe?.();
    unsubscribe = undefined;
  }
}
