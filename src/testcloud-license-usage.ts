/**
 * Defines `<testcloud-license-usage>` (CONTRACT 1):
 * `import 'kre-license-reports/testcloud-license-usage.js'`. Importing it twice, or beside the full
 * package, never throws.
 */
import { defineElement } from './shared/define.js';
import { TestcloudLicenseUsage } from './usage-chart/testcloud-license-usage.js';

defineElement('testcloud-license-usage', TestcloudLicenseUsage);

export { TestcloudLicenseUsage };

declare global {
  interface HTMLElementTagNameMap {
    'testcloud-license-usage': TestcloudLicenseUsage;
  }
}
