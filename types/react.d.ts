/**
 * JSX typings for React 19 hosts (`kre-license-reports/react`): with
 *
 *   import type {} from 'kre-license-reports/react';
 *
 * anywhere in a React + TypeScript app, `<kre-license-usage>`, `<testcloud-license-usage>` and
 * `<kre-user-sessions>` take checked attributes (`interval="week"`, not `"weekly"`), the
 * element's own properties (`fetch`, `requestTimeout`), a typed `ref`, and typed event handlers
 * in React 19's spelling for custom elements: `on` + the event's name,
 * `onkre-filter-change={(e) => e.detail.from}`. (TypeScript never checks a hyphenated JSX name
 * the element does not declare, so a misspelt `onkre-*` handler is not caught: use the names below.)
 *
 * React 19 sets a prop as a property when the element has one (so import the package, which
 * defines the elements, before React renders them) and as an attribute otherwise: `time-zone`
 * and `timeZone` both work. Types only: importing this module at run time does nothing.
 */
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type {
  BucketSelectEvent,
  ExportEvent,
  FetchLike,
  FilterChangeEvent,
  Interval,
  KreLicenseUsage,
  KreUserSessions,
  Product,
  SortField,
  SortOrder,
  TestcloudLicenseUsage,
} from 'kre-license-reports';

/** `YYYY-MM-DD`. */
export type DateAttribute = string;

/** Handlers of the events every report fires. */
export interface ReportEventProps {
  /** A filter changed in the UI; `detail` is the whole filter state (keep it in your URL). */
  'onkre-filter-change'?: (event: FilterChangeEvent) => void;
  /** Before a download (cancelable: `event.preventDefault()` stops it). */
  'onkre-export'?: (event: ExportEvent) => void;
}

/** The attributes and properties every report shares (CONTRACT 2). */
export interface ReportProps extends ReportEventProps {
  /** Base URL of the report service. Without it the element shows "No endpoint configured". */
  endpoint?: string | null;
  from?: DateAttribute | null;
  to?: DateAttribute | null;
  /** IANA zone name (the attribute). */
  'time-zone'?: string | null;
  /** IANA zone name (the property). */
  timeZone?: string | null;
  /** Comma-separated organization ids. */
  organization?: string | null;
  /** BCP 47 tag for numbers and dates. */
  locale?: string | null;
  /** Replaces `window.fetch` for the element's requests (auth headers, routing). */
  fetch?: FetchLike | null;
  /** Milliseconds before a request is shown as timed out. */
  requestTimeout?: number;
}

export interface LicenseUsageProps extends ReportProps {
  interval?: Interval | null;
  /** The heading over the chart. */
  heading?: string | null;
  /** A bucket was clicked or chosen with Enter: open `<kre-user-sessions active-at={detail.peakAt}>`. */
  'onkre-bucket-select'?: (event: BucketSelectEvent) => void;
}

export type PageSize = 25 | 50 | 100 | 250;

export interface UserSessionsProps extends ReportProps {
  q?: string | null;
  /** Comma-separated license sources (a comma inside a name is written `\,`). */
  'license-source'?: string | null;
  licenseSource?: string | null;
  /** An ISO 8601 instant: only the sessions active then. */
  'active-at'?: string | null;
  activeAt?: string | null;
  sort?: SortField | null;
  order?: SortOrder | null;
  product?: Product | null;
  'page-size'?: PageSize | `${PageSize}`;
  pageSize?: PageSize;
}

/** An element's JSX props: React's for any HTML element, the report's own, and a typed `ref`. */
export type ElementProps<E extends HTMLElement, Own> = Omit<DetailedHTMLProps<HTMLAttributes<E>, E>, keyof Own> & Own;

export type KreLicenseUsageProps = ElementProps<KreLicenseUsage, LicenseUsageProps>;
export type TestcloudLicenseUsageProps = ElementProps<TestcloudLicenseUsage, LicenseUsageProps>;
export type KreUserSessionsProps = ElementProps<KreUserSessions, UserSessionsProps>;

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'kre-license-usage': KreLicenseUsageProps;
      'testcloud-license-usage': TestcloudLicenseUsageProps;
      'kre-user-sessions': KreUserSessionsProps;
    }
  }
}
