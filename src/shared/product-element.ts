/**
 * The base of the reports whose product is an attribute (the session log, the planner): `product`
 * reads `kre` or `testcloud`; another value gets a notice and reads as `kre`.
 */
import { property } from 'lit/decorators.js';
import { PRODUCTS, type Product } from '../core/types.js';
import type { AttributeNotice } from './notices.js';
import { ReportElement } from './report-element.js';
import { str } from './strings.js';

export abstract class ProductReportElement extends ReportElement {
  private _product: Product = 'kre';
  /** The value the host set, kept to name it in a notice when it is not a product. */
  private rawProduct: string | null = null;

  /** The product of the report: `kre` (default) or `testcloud`. */
  @property({ reflect: true })
  get product(): Product {
    return this._product;
  }
  set product(value: Product) {
    const old = this._product;
    this.rawProduct = value ?? null;
    this._product = value === 'testcloud' ? value : 'kre';
    this.requestUpdate('product', old);
  }

  protected override collectNotices(): AttributeNotice[] {
    const notices = super.collectNotices();
    if (this.rawProduct !== null && !PRODUCTS.includes(this.rawProduct as Product)) {
      notices.push({ attribute: 'product', value: this.rawProduct, problem: str('problemOneOf', { values: PRODUCTS.join(', ') }), using: this.product });
    }
    return notices;
  }
}
