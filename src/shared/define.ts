/**
 * Registers a custom element once. Importing a defining module twice, or two copies of the
 * package on one page, never throws: the first definition wins.
 */
export function defineElement(tag: string, ctor: CustomElementConstructor): void {
  if (typeof customElements === 'undefined') return; // Node, SSR: nothing to define.
  if (!customElements.get(tag)) customElements.define(tag, ctor);
}
