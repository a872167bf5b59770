/**
 * Every user-facing string of the elements, in one place. A host replaces any of them with
 * `setStrings({ ... })` (for example to translate the reports), before or after the elements
 * render: elements that listen (`PageContextController`) render again. `{name}` marks a value filled in.
 */
export const defaultStrings = {
  // States
  noEndpointTitle: 'No endpoint configured',
  noEndpointBody: 'Set the endpoint attribute to the URL of the report service to load this report.',
  loading: 'Loading…',
  stillWaiting: 'Still waiting for the report service…',
  loadingCancelled: 'Loading was cancelled. The report shows nothing until it is loaded again.',
  unauthorized: 'Sign in to see this report.',
  forbidden: 'You need the Account Admin role to see this report.',
  badRequest: 'The report service could not answer this query: {detail}',
  httpError: 'The report service answered with an error (HTTP {status}).',
  networkError: 'The report service could not be reached. Check the connection and try again.',
  timeoutError: 'The report service did not answer within {seconds} seconds.',
  contractError: 'The report service sent data this page cannot read.',
  technicalDetail: 'Technical detail',
  retry: 'Retry',
  // Attribute values the element cannot use ({problem} and {using} come from the strings below)
  attributeNotices: 'Attribute problems',
  attributeNotice: '{attribute}="{value}" {problem}; this report uses {using} instead.',
  problemTimeZone: 'is not an IANA time zone name (such as Europe/Berlin)',
  problemDate: 'is not a date of the form YYYY-MM-DD',
  problemAfterTo: 'is after to="{to}"',
  problemOneOf: 'is not one of {values}',
  problemInstant: 'is not an ISO 8601 instant with an offset (such as 2026-10-30T08:00:00Z)',
  problemHourRange: 'is available for ranges of up to 31 days only',
  problemWholeNumber: 'is not a whole number of 0 or more',
  problemLocale: 'is not a BCP 47 language tag (such as de-DE)',
  usingBrowserZone: '{zone}, the browser\'s time zone',
  usingRange: '{from} to {to}',
  usingDateRange: 'the date range {from} to {to}',
  // Filters
  filters: 'Filters',
  organization: 'Organization',
  allOrganizations: 'All organizations',
  organizationsSelected: '{count} organizations',
  searchOrganizations: 'Search organizations',
  noOrganizationMatches: 'No organization matches',
  noLicenseSourceMatches: 'No license source matches',
  from: 'From',
  to: 'To',
  dateRange: 'Date range',
  presetLast7: 'Last 7 days',
  presetLast30: 'Last 30 days',
  presetLast90: 'Last 90 days',
  presetThisMonth: 'This month',
  presetLastMonth: 'Last month',
  presetLast12Months: 'Last 12 months',
  customRange: 'Custom',
  fromInFuture: 'From ({value}) is in the future: choose today or an earlier day.',
  fromAfterTo: 'From ({value}) is after To ({to}): choose an earlier day, or move To first.',
  toBeforeFrom: 'To ({value}) is before From ({from}): choose a later day, or move From first.',
  interval: 'Interval',
  intervalHour: 'Hour',
  intervalDay: 'Day',
  intervalWeek: 'Week',
  intervalMonth: 'Month',
  hourDisabledReason: 'Hourly view is available for ranges of up to 31 days.',
  clearFilters: 'Clear filters',
  // Usage charts
  kreUsageTitle: 'KRE license usage',
  testcloudUsageTitle: 'TestCloud license usage',
  availableSessions: 'Available Sessions',
  peakUsage: 'Peak Usage',
  averagePeak: 'Average Peak',
  peakInRange: 'Peak in range',
  averageDailyPeak: 'Average daily peak',
  availableNow: 'Available now',
  availableOn: 'Available on {date}',
  peakUtilization: 'Peak utilization',
  utilization: 'Utilization',
  deniedRequests: 'Denied requests',
  capacityPeak: 'Peak reached the {available} licenses',
  capacityDeniedOne: '1 request denied',
  capacityDeniedOther: '{count} requests denied',
  averagePeakHour: 'Average Peak: the mean of the peaks of each minute of the hour',
  averagePeakDay: 'Average Peak: the mean of the hourly peaks of the day',
  averagePeakWeek: 'Average Peak: the mean of the daily peaks of the week',
  averagePeakMonth: 'Average Peak: the mean of the daily peaks of the month',
  timesIn: 'Times in {zone}',
  compare: 'Compare with previous period',
  previousPeriod: 'Previous period',
  previousPeak: 'Previous peak',
  change: 'Change',
  previousUnavailable: 'The previous period could not be loaded: {detail}',
  capacityChange: 'Licenses changed',
  capacityChangeText: '{scope}: {before} → {after} licenses on {date}',
  accountWide: 'Account-wide pool',
  capacityChanges: 'License changes',
  peakAt: 'Peak at',
  atCapacity: 'At capacity',
  showAsTable: 'Show as table',
  showAsChart: 'Show as chart',
  exportCsv: 'Export CSV',
  exportPng: 'Export PNG',
  emptyRange: 'No license usage in this range.',
  chartSummary:
    '{from} to {to} ({zone}): peak usage {peak}, peak utilization {utilization}, average daily peak {average}, {denied} denied requests; {available} licenses at the end of the range. {capacity} of {count} periods at capacity.',
  chartKeyboardHint: 'Chart. Arrow keys move between periods, Home and End jump to the first and last, Enter shows the sessions of a peak.',
  chartLegend: 'Series',
  period: 'Period',
  // Session log
  sessionsTitle: 'User sessions',
  search: 'Search sessions',
  searchPlaceholder: 'User, email, session or machine ID',
  licenseSource: 'License Source',
  allLicenseSources: 'All license sources',
  colUser: 'User',
  colEmail: 'Email',
  colSessionId: 'Session ID',
  colMachineId: 'Machine ID',
  colLicenseSource: 'License Source',
  colOrganization: 'Organization',
  colLicenseType: 'License Type',
  colStarted: 'Started',
  colEnded: 'Ended',
  colDuration: 'Duration',
  active: 'Active',
  activeAt: 'Active at {time}',
  removeFilter: 'Remove filter {name}',
  noSessions: 'No sessions match these filters.',
  resultCount: '{first}–{last} of {total}',
  pageSize: 'Rows per page',
  firstPage: 'First page',
  previousPage: 'Previous page',
  nextPage: 'Next page',
  lastPage: 'Last page',
  copy: 'Copy',
  exporting: 'Exporting {done} of {total} rows',
  cancel: 'Cancel',
  onDemandFailed: 'This part of the report could not be loaded: {detail}.',
  exportFailed: 'The export stopped: {detail}. No file was saved.',
  exportCancelled: 'Export cancelled. No file was saved.',
  exportStarted: 'Export started.',
  exportDone: 'Exported {rows} rows to {file}.',
  exportProgress: 'Export progress',
  dismiss: 'Dismiss',
  copiedValue: 'Copied {value}',
  copyHint: 'Copy to the clipboard',
  pagination: 'Pages',
  sessionsCaption: 'Sorted by {column}, {order}. Times in {zone}.',
  kreSessionsTitle: 'KRE user sessions',
  testcloudSessionsTitle: 'TestCloud user sessions',
  ascending: 'ascending',
  descending: 'descending',
  sortBy: 'Sort by',
  sortOrder: 'Order',
  sortAscending: 'Ascending',
  sortDescending: 'Descending',
  searchLicenseSources: 'Search license sources',
  licenseSourcesSelected: '{count} license sources',
  emptySearch: 'Search: “{q}”',
  // Capacity planner
  krePlannerTitle: 'KRE license planner',
  testcloudPlannerTitle: 'TestCloud license planner',
  licensesOne: '{count} license',
  licensesOther: '{count} licenses',
  answerSpare: '{needed} covered {share} of the time; you have {available}: {idle} sat idle {share} of the time.',
  answerExact: '{needed} covered {share} of the time: exactly the {available} you have.',
  answerShort: 'Demand passed your {licenses} {over} of the time; {refused}.',
  answerDenied: '{refused} all the same.',
  refusedOne: '1 request was refused',
  refusedOther: '{count} requests were refused',
  coverageTitle: 'How many licenses the demand needed',
  coverageChart: 'Share of the time by licenses in use',
  timeAtLevel: 'Time at this level',
  timeAtOrBelow: 'Time at or below',
  licensesInUse: 'Licenses in use',
  covers: 'Covers {share} of the time',
  licensesAvailable: 'Licenses available',
  markAvailable: '{count} available',
  whenTitle: 'When the demand peaks',
  cellLabel: '{day} {hours}: peak {peak}, average peak {average}',
  busiestHour: 'Busiest hour: {cell}',
  whatIfTitle: 'What another license count would have done',
  licensesToTry: 'Licenses to try',
  actual: 'Actual: {licenses}',
  replayed: 'Replay: {licenses}',
  refusedRequests: 'Refused requests',
  timeOverCapacity: 'Time over capacity',
  replayNote: 'The replay starts the sessions that ran, in order, against one shared pool of this many licenses; a session that finds every license taken is refused. Requests refused for real are not replayed.',
  exportCoverageCsv: 'Coverage CSV',
  exportHoursCsv: 'Hours CSV',
  usingAvailable: 'the licenses available',
  // Details inside the messages above ({detail})
  invalidJson: 'the body is not valid JSON',
  imageDrawFailed: 'the chart could not be drawn as an image',
  imageEncodeFailed: 'the image could not be encoded',
};

export type Strings = typeof defaultStrings;
export type StringKey = keyof Strings;

let current: Strings = { ...defaultStrings };
const listeners = new Set<() => void>();

/** Replaces some strings for every element on the page (rendered elements render again). */
export function setStrings(overrides: Partial<Strings>): void {
  current = { ...current, ...overrides };
  listeners.forEach((listener) => listener());
}

/** Restores the built-in English strings. */
export function resetStrings(): void {
  current = { ...defaultStrings };
  listeners.forEach((listener) => listener());
}

/** Calls `listener` after each `setStrings` or `resetStrings`; returns the unsubscribe. */
export function onStringsChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The table in force: a new object after each `setStrings` or `resetStrings` (a key for caches of text). */
export const currentStrings = (): Readonly<Strings> => current;

/** The string `key` with `{name}` placeholders filled from `values`. */
export function str(key: StringKey, values?: Record<string, string | number>): string {
  const text = current[key] ?? defaultStrings[key];
  if (!values) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
