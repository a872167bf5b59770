// A second, independent copy of the bundle (another URL: its own Lit, its own classes), imported
// statically and again later, as a lazily loaded micro-frontend would.
import { KreLicenseUsage as Second } from '/second-copy/kre-license-reports.bundle.js';

const first = customElements.get('kre-license-usage');
const late = await import('/second-copy/kre-license-reports.bundle.js?late');

window.doubleImport = {
  // The first copy defined the tags; the later ones found them defined and left them alone.
  firstCopyWins: first !== undefined && first !== Second && customElements.get('kre-license-usage') === first,
  lateCopyLoaded: typeof late.KreUserSessions === 'function',
};
