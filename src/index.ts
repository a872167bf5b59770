/**
 * `kre-license-reports`: importing this module defines every element (through their
 * defining modules; registration never throws when a tag is already defined) and exports their
 * classes, the event types and the string table a host can replace.
 */

// Elements (each defining module registers its tag).
export { KreUserSessions } from './kre-user-sessions.js';
export { KreLicenseUsage } from './kre-license-usage.js';
export { TestcloudLicenseUsage } from './testcloud-license-usage.js';
export { KreLicensePlanner } from './kre-license-planner.js';

// Events, strings and errors a host relies on.
export type {
  BucketSelectDetail,
  BucketSelectEvent,
  ExportDetail,
  ExportEvent,
  FilterChangeEvent,
  FilterState,
  KreEventMap,
} from './shared/events.js';
export { defaultStrings, resetStrings, setStrings, type StringKey, type Strings } from './shared/strings.js';
export { ReportError, type FetchLike, type ReportErrorKind } from './shared/api.js';
export type {
  CapacityResponse,
  CapacityReplay,
  Interval,
  Organization,
  Product,
  SessionItem,
  SessionsResponse,
  SortField,
  SortOrder,
  UsageBucket,
  UsageResponse,
  UsageSummary,
} from './core/types.js';
