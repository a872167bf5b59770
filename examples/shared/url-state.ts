/**
 * The filter state of the example portal, kept in the page's URL so that a reload restores it and
 * Back/Forward step through it. Framework-free: the React and Vue hosts share it.
 *
 * One state drives both elements: the date range, time zone and organization filter are shared
 * (a range picked on the chart also filters the session log), `interval` is the chart's, and
 * `q`, `licenseSource`, `activeAt`, `sort` and `order` are the session log's.
 */
import type { FilterState } from 'kre-license-reports';

export interface PortalState {
  from: string;
  to: string;
  timeZone: string;
  organization: string[];
  interval: string;
  q: string;
  licenseSource: string[];
  activeAt: string | null;
  sort: string;
  order: string;
  /** The portal's language (a key of LANGUAGES). */
  lang: string;
}

/** URL parameter of each field (lists repeat the parameter). */
const PARAM = {
  from: 'from',
  to: 'to',
  timeZone: 'tz',
  organization: 'org',
  interval: 'interval',
  q: 'q',
  licenseSource: 'source',
  activeAt: 'at',
  sort: 'sort',
  order: 'order',
  lang: 'lang',
} as const satisfies Record<keyof PortalState, string>;

export function defaultState(base: Pick<PortalState, 'from' | 'to' | 'timeZone'>): PortalState {
  return { ...base, organization: [], interval: 'day', q: '', licenseSource: [], activeAt: null, sort: 'started', order: 'desc', lang: 'en' };
}

/** The state a URL holds, over `defaults` for what it leaves out. */
export function readState(search: string, defaults: PortalState): PortalState {
  const p = new URLSearchParams(search);
  const one = (key: keyof typeof PARAM) => p.get(PARAM[key]);
  return {
    from: one('from') ?? defaults.from,
    to: one('to') ?? defaults.to,
    timeZone: one('timeZone') ?? defaults.timeZone,
    organization: p.getAll(PARAM.organization),
    interval: one('interval') ?? defaults.interval,
    q: one('q') ?? defaults.q,
    licenseSource: p.getAll(PARAM.licenseSource),
    activeAt: one('activeAt') ?? defaults.activeAt,
    sort: one('sort') ?? defaults.sort,
    order: one('order') ?? defaults.order,
    lang: one('lang') ?? defaults.lang,
  };
}

/** The query string of `state`: only what differs from `defaults`, so a fresh page has a clean URL. */
export function writeState(state: PortalState, defaults: PortalState): string {
  const p = new URLSearchParams();
  for (const key of Object.keys(PARAM) as (keyof PortalState)[]) {
    const value = state[key];
    if (Array.isArray(value)) value.forEach((v) => p.append(PARAM[key], v));
    else if (value !== null && value !== '' && value !== defaults[key]) p.set(PARAM[key], value);
  }
  const text = p.toString();
  return text ? `?${text}` : '';
}

/** The state after an element announced `kre-filter-change` with `detail`. */
export function withFilterChange(state: PortalState, detail: FilterState): PortalState {
  const next: PortalState = { ...state, from: detail.from, to: detail.to, timeZone: detail.timeZone, organization: detail.organization };
  if (detail.interval !== undefined) next.interval = detail.interval;
  if (detail.q !== undefined) next.q = detail.q;
  if (detail.licenseSource !== undefined) next.licenseSource = detail.licenseSource;
  if (detail.activeAt !== undefined) next.activeAt = detail.activeAt;
  if (detail.sort !== undefined) next.sort = detail.sort;
  if (detail.order !== undefined) next.order = detail.order;
  return next;
}

/**
 * Puts `state` into the URL: a new history entry, except while the search text alone changes
 * (typing would otherwise leave one entry per pause).
 */
export function pushState(previous: PortalState, state: PortalState, defaults: PortalState): void {
  const search = writeState(state, defaults);
  if (search === location.search) return;
  const onlySearch = JSON.stringify({ ...previous, q: '' }) === JSON.stringify({ ...state, q: '' });
  const url = `${location.pathname}${search}${location.hash}`;
  if (onlySearch) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
}

/** Attribute values: `organization` is comma-separated; a comma inside a license source is `\,`. */
export const organizationAttr = (ids: readonly string[]) => ids.join(',') || undefined;
export const licenseSourceAttr = (values: readonly string[]) =>
  values.map((v) => v.replace(/[\\,]/g, (c) => `\\${c}`)).join(',') || undefined;
