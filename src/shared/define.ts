/** The package's version, stamped on each class it defines (see `defineElement`). */
export const VERSION = '0.2.0';
const STAMP = Symbol.for('kre-license-reports.version');

type Stamped = CustomElementConstructor & { [STAMP]?: string };

/**
 * Registers a custom element once. Importing a defining module twice, or two copies of the
 * package on one page, never throws: the first definition wins. When another copy of a different
 * version defined the tag first, a console warning says so once (its elements are the ones the
 * page gets; mixing versions is a host's bundling mistake worth knowing about).
 */
export function defineElement(tag: string, ctor: CustomElementConstructor): void {
  if (typeof customElements === 'undefined') return; // Node, SSR: nothing to define.
  const existing = customElements.get(tag) as Stamped | undefined;
  if (!existing) {
    (ctor as Stamped)[STAMP] = VERSION;
    customElements.define(tag, ctor);
    return;
  }
  const theirs = existing[STAMP];
  if (existing !== ctor && theirs !== VERSION) {
    console.warn(
      `<${tag}> was already defined by ${theirs ? `kre-license-reports ${theirs}` : 'another script'}; ` +
        `this copy (kre-license-reports ${VERSION}) is not used. Load one version of the package.`,
    );
  }
}
