import type { Product } from '../core/types.js';
import { str } from '../shared/strings.js';
import { LicenseUsageElement } from './license-usage.js';
import { testcloudUsageStyles } from './usage-chart.styles.js';

/**
 * TestCloud license usage: the same chart as `<kre-license-usage>` over TestCloud sessions, with
 * its own title and series colours.
 *
 * @summary The TestCloud license usage chart: available sessions, peak usage and average peak over time.
 * @tagname testcloud-license-usage
 *
 * @cssprop [--testcloud-usage-available-color=var(--kre-usage-available-color, #5fb8a9)] - Available Sessions of this chart only.
 * @cssprop [--testcloud-usage-peak-color=var(--kre-usage-peak-color, #0b7f72)] - Peak Usage bars of this chart only.
 * @cssprop [--testcloud-usage-average-color=var(--kre-usage-average-color, light-dark(#1e0b4b, #e9d5ff))] - Average Peak line of this chart only (3:1 against its bars and area in light and dark).
 * @cssprop [--testcloud-usage-highlight-color=var(--kre-usage-highlight-color, rgb(11 127 114 / 0.12))] - Band behind the bucket in focus, this chart only.
 */
export class TestcloudLicenseUsage extends LicenseUsageElement {
  static override styles = [...LicenseUsageElement.styles, testcloudUsageStyles];

  /** The product this chart reports: always `testcloud`. */
  get product(): Product {
    return 'testcloud';
  }

  protected get defaultHeading(): string {
    return str('testcloudUsageTitle');
  }
}
