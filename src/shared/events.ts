/**
 * The events a host relies on (CONTRACT 2). One convention: a CustomEvent with a typed `detail`,
 * `bubbles` and `composed`, dispatched from the host element, named `kre-*`.
 */

/** The whole filter state of a report, as its attributes hold it. */
export interface FilterState {
  from: string;
  to: string;
  timeZone: string;
  organization: string[];
  /** Chart elements only. */
  interval?: string;
  /** Chart elements only: comparing with the previous period. */
  compare?: boolean;
  /** `<kre-user-sessions>` only. */
  q?: string;
  licenseSource?: string[];
  activeAt?: string | null;
  sort?: string;
  order?: string;
  product?: string;
  /** `<kre-license-planner>` only: the license count to try (null: the licenses available). */
  licenses?: number | null;
}

export interface BucketSelectDetail {
  start: string;
  end: string;
  peakAt: string | null;
  /** Requests refused in the bucket (contract 1.1). */
  denied: number;
  /** The organization filter in force (ids; empty: all). */
  organization: string[];
  product: string;
}

export interface ExportDetail {
  format: 'csv' | 'png';
  fileName: string;
  product: string;
  filters: FilterState;
}

export type FilterChangeEvent = CustomEvent<FilterState>;
export type BucketSelectEvent = CustomEvent<BucketSelectDetail>;
export type ExportEvent = CustomEvent<ExportDetail>;

export interface KreEventMap {
  'kre-filter-change': FilterChangeEvent;
  'kre-bucket-select': BucketSelectEvent;
  'kre-export': ExportEvent;
}

/**
 * Dispatches a `kre-*` event from `host`. Returns false when a listener called
 * `preventDefault()` on a cancelable event.
 */
export function emit<K extends keyof KreEventMap>(
  host: HTMLElement,
  name: K,
  detail: KreEventMap[K]['detail'],
  { cancelable = false } = {},
): boolean {
  return host.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable }));
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface GlobalEventHandlersEventMap extends KreEventMap {}
}
