/**
 * Defines `<kre-license-planner>` (CONTRACT 1, 3.4): `import 'kre-license-reports/kre-license-planner.js'`.
 * Importing it twice, or beside the full package, never throws.
 */
import { defineElement } from './shared/define.js';
import { KreLicensePlanner } from './planner/kre-license-planner.js';

defineElement('kre-license-planner', KreLicensePlanner);

export { KreLicensePlanner };

declare global {
  interface HTMLElementTagNameMap {
    'kre-license-planner': KreLicensePlanner;
  }
}
