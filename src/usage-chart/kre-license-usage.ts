import type { Product } from '../core/types.js';
import { str } from '../shared/strings.js';
import { LicenseUsageElement } from './license-usage.js';

/**
 * KRE license usage: for each hour, day, week or month of the range, the Runtime Engine sessions
 * available (steps), the peak of concurrent sessions (bars; hatched where the peak reached the
 * licenses available) and the average peak (dotted line), so an account admin can see whether
 * the licenses bought match the demand. Tooltips, keyboard navigation, a table view, CSV and PNG
 * export, and drill-down from a peak to its sessions (`kre-bucket-select`).
 *
 * @summary The KRE license usage chart: available sessions, peak usage and average peak over time.
 * @tagname kre-license-usage
 */
export class KreLicenseUsage extends LicenseUsageElement {
  /** The product this chart reports: always `kre`. */
  get product(): Product {
    return 'kre';
  }

  protected get defaultHeading(): string {
    return str('kreUsageTitle');
  }
}
