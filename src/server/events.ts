/**
 * Events (CONTRACT 3.5): their validation, and the plan of one body, shared by every store so that
 * they agree on what is stored, what is a duplicate and why an event is rejected.
 *
 * A body is read in order, as if each event were applied before the next: an organization created
 * by event 3 may be named by event 4, not by event 2. What depends on the data already stored (is
 * this session known? did its end arrive first?) is the store's to decide; the plan carries
 * everything else.
 */
import { ContractError, describeValue } from '../core/errors.js';
import { parseInstant } from '../core/tz.js';
import { PRODUCTS, type Allocation, type Dataset, type DenialRecord, type Organization, type Product, type SessionRecord } from '../core/types.js';

export interface SessionStartEvent {
  type: 'session-start';
  product: Product;
  sessionId: string;
  at: string;
  user: { name: string; email: string };
  machineId: string;
  licenseSource: string;
  organizationId: string | null;
  licenseType: string;
}
export interface SessionEndEvent { type: 'session-end'; product: Product; sessionId: string; at: string }
export interface DeniedEvent {
  type: 'denied';
  product: Product;
  requestId: string;
  at: string;
  user: { name: string; email: string };
  machineId: string;
  licenseSource: string;
  organizationId: string | null;
}
export interface AllocationEvent { type: 'allocation'; product: Product; organizationId: string | null; effectiveFrom: string; sessions: number }
export interface OrganizationEvent { type: 'organization'; id: string; name: string; parentId: string | null }
export type ReportEvent = SessionStartEvent | SessionEndEvent | DeniedEvent | AllocationEvent | OrganizationEvent;

export interface Rejection { index: number; detail: string }
export interface EventsAnswer { accepted: number; duplicates: number; rejected: Rejection[] }

/** A session start, ready to store: instants as epoch milliseconds. */
export interface StartRow {
  product: Product;
  sessionId: string;
  started: number;
  name: string;
  email: string;
  machineId: string;
  licenseSource: string;
  organizationId: string | null;
  licenseType: string;
}
export interface EndRow { product: Product; sessionId: string; ended: number }
export interface DenialRow {
  product: Product;
  requestId: string;
  at: number;
  name: string;
  email: string;
  machineId: string;
  licenseSource: string;
  organizationId: string | null;
}
export interface AllocationRow { product: Product; organizationId: string | null; effectiveFrom: number; sessions: number }

/** What one body asks of a store, after validation and the duplicates inside the body. */
export interface EventPlan {
  rejected: Rejection[];
  /** Events that repeat an earlier one of the same body. */
  duplicates: number;
  /** Organizations as they stand after the body, in creation order (existing ones first). */
  organizations: Organization[];
  /** Organization events that changed something. */
  organizationChanges: number;
  /** Organization events that changed nothing. */
  organizationDuplicates: number;
  starts: StartRow[];
  ends: EndRow[];
  denials: DenialRow[];
  allocations: AllocationRow[];
}

const TYPES = ['session-start', 'session-end', 'denied', 'allocation', 'organization'] as const;

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function fail(field: string, message: string): never {
  throw new ContractError(field, message);
}

/**
 * Text the SQL stores can hold exactly: no U+0000 (PostgreSQL's text cannot hold it) and no lone
 * surrogate (it has no UTF-8 form). Every store refuses the same texts, so they hold the same data.
 */
function text(field: string, value: unknown): string {
  if (typeof value !== 'string') fail(field, `expected text, got ${describeValue(value)}`);
  if (value.includes('\u0000')) fail(field, 'text with U+0000 cannot be stored');
  if (LONE_SURROGATE.test(value)) fail(field, 'text with a lone surrogate cannot be stored');
  return value;
}

function optionalText(field: string, value: unknown): string | null {
  return value === null || value === undefined ? null : text(field, value);
}

function instantMs(field: string, value: unknown): number {
  const ms = parseInstant(value);
  if (Number.isNaN(ms)) fail(field, `not an ISO 8601 instant: expected one with an offset, such as 2026-10-30T08:00:00Z, got ${describeValue(value)}`);
  return ms;
}

function product(value: unknown): Product {
  if (typeof value === 'string' && (PRODUCTS as readonly string[]).includes(value)) return value as Product;
  return fail('product', `expected one of ${PRODUCTS.join(', ')}, got ${describeValue(value)}`);
}

function user(value: unknown): { name: string; email: string } {
  if (!value || typeof value !== 'object') fail('user', 'expected { name, email }');
  const u = value as { name?: unknown; email?: unknown };
  return { name: text('user.name', u.name), email: text('user.email', u.email) };
}

/** A checked event with its instants as milliseconds; throws a ContractError naming the field. */
export type CheckedEvent =
  | { type: 'session-start'; row: StartRow }
  | { type: 'session-end'; row: EndRow }
  | { type: 'denied'; row: DenialRow }
  | { type: 'allocation'; row: AllocationRow }
  | { type: 'organization'; org: Organization };

export function checkEvent(event: unknown): CheckedEvent {
  if (!event || typeof event !== 'object' || Array.isArray(event)) fail('event', `expected an object, got ${describeValue(event)}`);
  const e = event as Record<string, unknown>;
  switch (e.type) {
    case 'session-start': {
      const p = product(e.product);
      const sessionId = text('sessionId', e.sessionId);
      const started = instantMs('at', e.at);
      const u = user(e.user);
      return {
        type: 'session-start',
        row: {
          product: p,
          sessionId,
          started,
          name: u.name,
          email: u.email,
          machineId: text('machineId', e.machineId),
          licenseSource: text('licenseSource', e.licenseSource),
          organizationId: optionalText('organizationId', e.organizationId),
          licenseType: text('licenseType', e.licenseType),
        },
      };
    }
    case 'session-end':
      return { type: 'session-end', row: { product: product(e.product), sessionId: text('sessionId', e.sessionId), ended: instantMs('at', e.at) } };
    case 'denied': {
      const p = product(e.product);
      const requestId = text('requestId', e.requestId);
      const at = instantMs('at', e.at);
      const u = user(e.user);
      return {
        type: 'denied',
        row: {
          product: p,
          requestId,
          at,
          name: u.name,
          email: u.email,
          machineId: text('machineId', e.machineId),
          licenseSource: text('licenseSource', e.licenseSource),
          organizationId: optionalText('organizationId', e.organizationId),
        },
      };
    }
    case 'allocation': {
      const p = product(e.product);
      const organizationId = optionalText('organizationId', e.organizationId);
      const effectiveFrom = instantMs('effectiveFrom', e.effectiveFrom);
      const sessions = e.sessions;
      if (typeof sessions !== 'number' || !Number.isInteger(sessions) || sessions < 0 || sessions > 2_147_483_647) {
        fail('sessions', `expected a whole number of sessions, got ${describeValue(sessions)}`);
      }
      return { type: 'allocation', row: { product: p, organizationId, effectiveFrom, sessions } };
    }
    case 'organization':
      return { type: 'organization', org: { id: text('id', e.id), name: text('name', e.name), parentId: optionalText('parentId', e.parentId) } };
    default:
      return fail('type', `expected one of ${TYPES.join(', ')}, got ${describeValue(e.type)}`);
  }
}

/**
 * Plans one body against the account's organizations (in creation order). Events are checked in
 * order; references to organizations must name one that exists at that point of the body.
 */
export function planEvents(events: readonly unknown[], existing: readonly Organization[]): EventPlan {
  const orgs = new Map<string, Organization>(existing.map((o) => [o.id, { ...o }]));
  const order = existing.map((o) => o.id);
  const plan: EventPlan = {
    rejected: [],
    duplicates: 0,
    organizations: [],
    organizationChanges: 0,
    organizationDuplicates: 0,
    starts: [],
    ends: [],
    denials: [],
    allocations: [],
  };
  const seen = new Set<string>();
  const known = (field: string, id: string | null): void => {
    if (id !== null && !orgs.has(id)) fail(field, `unknown organization ${describeValue(id)}`);
  };
  events.forEach((event, index) => {
    try {
      const checked = checkEvent(event);
      let key: string;
      switch (checked.type) {
        case 'organization': {
          const { id, name, parentId } = checked.org;
          known('parentId', parentId);
          for (let at = parentId; at !== null; at = orgs.get(at)?.parentId ?? null) {
            if (at === id) fail('parentId', `${describeValue(parentId)} would make the organization tree a cycle`);
          }
          const before = orgs.get(id);
          if (before && before.name === name && before.parentId === parentId) {
            plan.organizationDuplicates++;
            return;
          }
          if (!before) order.push(id);
          orgs.set(id, { id, name, parentId });
          plan.organizationChanges++;
          return;
        }
        case 'session-start':
          known('organizationId', checked.row.organizationId);
          key = `s\u0000${checked.row.product}\u0000${checked.row.sessionId}`;
          break;
        case 'session-end':
          key = `e\u0000${checked.row.product}\u0000${checked.row.sessionId}`;
          break;
        case 'denied':
          known('organizationId', checked.row.organizationId);
          key = `d\u0000${checked.row.product}\u0000${checked.row.requestId}`;
          break;
        case 'allocation':
          known('organizationId', checked.row.organizationId);
          key = `a\u0000${checked.row.product}\u0000${checked.row.organizationId === null ? '' : `=${checked.row.organizationId}`}\u0000${checked.row.effectiveFrom}`;
          break;
      }
      if (seen.has(key)) {
        plan.duplicates++;
        return;
      }
      seen.add(key);
      if (checked.type === 'session-start') plan.starts.push(checked.row);
      else if (checked.type === 'session-end') plan.ends.push(checked.row);
      else if (checked.type === 'denied') plan.denials.push(checked.row);
      else plan.allocations.push(checked.row);
    } catch (error) {
      if (error instanceof ContractError) plan.rejected.push({ index, detail: error.message });
      else throw error;
    }
  });
  plan.organizations = order.map((id) => orgs.get(id) as Organization);
  return plan;
}

/**
 * The events that load a dataset (CONTRACT 5) into an account: organizations (parents before
 * children, otherwise in the file's order), allocations, session starts, session ends, denials.
 * Loading the same file again is all duplicates.
 */
export function datasetEvents(dataset: Dataset): ReportEvent[] {
  const events: ReportEvent[] = [];
  const placed = new Set<string>();
  let waiting = dataset.organizations.slice();
  while (waiting.length) {
    const later: Organization[] = [];
    for (const o of waiting) {
      if (o.parentId !== null && o.parentId !== undefined && !placed.has(o.parentId)) later.push(o);
      else {
        placed.add(o.id);
        events.push({ type: 'organization', id: o.id, name: o.name, parentId: o.parentId ?? null });
      }
    }
    if (later.length === waiting.length) break; // a cycle or an unknown parent: core's validation reports it
    waiting = later;
  }
  for (const a of dataset.allocations) events.push({ type: 'allocation', ...a });
  for (const s of dataset.sessions) {
    events.push({
      type: 'session-start',
      product: s.product,
      sessionId: s.sessionId,
      at: s.started,
      user: s.user,
      machineId: s.machineId,
      licenseSource: s.licenseSource,
      organizationId: s.organizationId,
      licenseType: s.licenseType,
    });
  }
  for (const s of dataset.sessions) if (s.ended !== null) events.push({ type: 'session-end', product: s.product, sessionId: s.sessionId, at: s.ended });
  for (const d of dataset.denials ?? []) events.push({ type: 'denied', ...d });
  return events;
}

/** A stored session as a dataset record. */
export function sessionRecord(row: StartRow, ended: number | null, format: (ms: number) => string): SessionRecord {
  return {
    sessionId: row.sessionId,
    product: row.product,
    user: { name: row.name, email: row.email },
    machineId: row.machineId,
    licenseSource: row.licenseSource,
    organizationId: row.organizationId,
    licenseType: row.licenseType,
    started: format(row.started),
    ended: ended === null ? null : format(ended),
  };
}

export function denialRecord(row: DenialRow, format: (ms: number) => string): DenialRecord {
  return {
    requestId: row.requestId,
    product: row.product,
    at: format(row.at),
    user: { name: row.name, email: row.email },
    machineId: row.machineId,
    licenseSource: row.licenseSource,
    organizationId: row.organizationId,
  };
}

export function allocationRecord(row: AllocationRow, format: (ms: number) => string): Allocation {
  return { product: row.product, organizationId: row.organizationId, effectiveFrom: format(row.effectiveFrom), sessions: row.sessions };
}
