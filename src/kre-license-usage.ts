/**
 * Defines `<kre-license-usage>` (CONTRACT 1): `import 'kre-license-reports/kre-license-usage.js'`.
 * Importing it twice, or beside the full package, never throws.
 */
import { defineElement } from './shared/define.js';
import { KreLicenseUsage } from './usage-chart/kre-license-usage.js';

defineElement('kre-license-usage', KreLicenseUsage);

export { KreLicenseUsage };

declare global {
  interface HTMLElementTagNameMap {
    'kre-license-usage': KreLicenseUsage;
  }
}
