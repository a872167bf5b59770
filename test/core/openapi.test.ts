/**
 * openapi.yaml (contract 1.1) against itself, core and the mock service:
 *  (a) it is a valid OpenAPI 3.1 document whose $refs all resolve, its examples match its schemas
 *      (those drawn from the small account of ./openapi-fixtures.ts are core's very answers), and
 *      every operation names the bearer scheme and the role it needs;
 *  (b) real 200 answers of the mock (fetch through an msw node server) for usage, sessions and
 *      capacity match the response schemas, over a generated account and a small hand-made one
 *      (denials, allocation changes, a DST night, an `asOf` with milliseconds), and bodies broken
 *      on purpose do not;
 *  (c) so do its error answers (400, 404 and the failure modes 400/401/403/500), as problem+json;
 *  (d) the query parameters it declares are exactly the ones the mock reads, each with the effect
 *      core gives it, with the declared required flags and defaults; the enums are core's constants;
 *  (e) POST /events, which nothing in this package serves: hand-written bodies and answers match
 *      the schemas, a dataset's records as events match them, and invalid events do not.
 *
 * Run: node --import tsx --test test/core/openapi.test.ts
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { Validator } from '@seriousme/openapi-schema-validator';
import { setupServer } from 'msw/node';
import {
  ContractError,
  DEFAULT_LIMIT,
  INTERVALS,
  MAX_HOUR_RANGE_DAYS,
  MAX_LIMIT,
  PRODUCTS,
  SORT_FIELDS,
  SORT_ORDERS,
  computeCapacity,
  computeUsage,
  querySessions,
  type CapacityQuery,
  type Dataset,
  type Product,
  type SessionsQuery,
  type UsageQuery,
} from '../../src/core/index.js';
import { MOCK_FAILURES, createMockService, generateDataset } from '../../src/mock/index.js';
import {
  SMALL_AS_OF,
  answerWithRejection,
  datasetAsEvents,
  invalidEvents,
  smallDataset,
  validEvents,
  validNdjson,
  withDenials,
} from './openapi-fixtures.js';

// msw 3 asks for Node >= 22; on Node 20 its interceptors only miss Promise.withResolvers.
const promiseStatics = Promise as unknown as { withResolvers?: unknown };
promiseStatics.withResolvers ??= function withResolvers<T>() {
  let resolve!: (value: T | PromiseLike<T>) => void;
  let reject!: (reason?: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
};

// ---------------------------------------------------------------------------------------------
// The document and its schemas

const DOC_FILE = fileURLToPath(new URL('../../openapi.yaml', import.meta.url));
const DOC_ID = 'https://kre-license-reports.test/openapi.json';
const doc = YAML.parse(readFileSync(DOC_FILE, 'utf8'));
/** A pristine copy: the validator and ajv must not see (or leave) any change. */
const docJson: string = JSON.stringify(doc);

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any
type Segments = readonly string[];

const USAGE = '/{product}/usage';
const SESSIONS = '/{product}/sessions';
const CAPACITY = '/{product}/capacity';
const EVENTS = '/events';
/** The report paths: GET, served by the mock. */
type PathName = typeof USAGE | typeof SESSIONS | typeof CAPACITY;
const REPORT_PATHS: readonly PathName[] = [USAGE, SESSIONS, CAPACITY];
const RESPONSE_SCHEMA: Record<PathName, string> = {
  [USAGE]: 'UsageResponse',
  [SESSIONS]: 'SessionsResponse',
  [CAPACITY]: 'CapacityResponse',
};

function pointerOf(segments: Segments): string {
  return segments.map((s) => '/' + s.replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

function segmentsOfRef(ref: string): string[] {
  assert.ok(ref.startsWith('#/'), `only local $refs are used, got ${ref}`);
  return ref
    .slice(2)
    .split('/')
    .map((s) => decodeURIComponent(s).replace(/~1/g, '/').replace(/~0/g, '~'));
}

function at(segments: Segments, root: Json = doc): Json {
  let node = root;
  for (const s of segments) {
    if (node === null || typeof node !== 'object' || !(s in node)) return undefined;
    node = node[s];
  }
  return node;
}

/** Follows a `$ref` object (components/parameters, components/responses) to its target and location. */
function deref(node: Json, segments: Segments): { node: Json; segments: Segments } {
  let hops = 0;
  while (node && typeof node === 'object' && typeof node.$ref === 'string') {
    assert.ok(hops++ < 10, `$ref loop at ${pointerOf(segments)}`);
    segments = segmentsOfRef(node.$ref);
    node = at(segments);
    assert.ok(node !== undefined, `unresolved $ref ${pointerOf(segments)}`);
  }
  return { node, segments };
}

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema(JSON.parse(docJson), DOC_ID);

const compiled = new Map<string, ValidateFunction>();
/** A validator for the schema at `segments` of the document, with every component reachable. */
function schemaAt(segments: Segments): ValidateFunction {
  const pointer = pointerOf(segments);
  let validate = compiled.get(pointer);
  if (!validate) {
    assert.ok(at(segments) !== undefined, `the document has no schema at ${pointer}`);
    const fragment = segments.map((s) => '/' + encodeURIComponent(s.replace(/~/g, '~0').replace(/\//g, '~1'))).join('');
    validate = ajv.compile({ $ref: `${DOC_ID}#${fragment}` });
    compiled.set(pointer, validate);
  }
  return validate;
}

const component = (name: string): Segments => ['components', 'schemas', name];

function clip(text: string, max = 160): string {
  return text.length > max ? `${text.slice(0, max - 3)}...` : text;
}

function describeErrors(errors: ErrorObject[] | null | undefined, data: unknown): string {
  const lines = (errors ?? []).slice(0, 25).map((e) => {
    const value = at(e.instancePath.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~')), data);
    return `  ${e.instancePath || '(root)'} ${e.message} ${JSON.stringify(e.params)} [${e.schemaPath}] value: ${clip(JSON.stringify(value) ?? 'undefined')}`;
  });
  if ((errors?.length ?? 0) > 25) lines.push(`  ... and ${errors!.length - 25} more`);
  return lines.join('\n');
}

function assertValid(segments: Segments, data: unknown, what: string): void {
  const validate = schemaAt(segments);
  if (!validate(data)) {
    assert.fail(`${what} does not match the schema at ${pointerOf(segments)}:\n${describeErrors(validate.errors, data)}`);
  }
}

function assertInvalid(segments: Segments, data: unknown, what: string): void {
  assert.equal(schemaAt(segments)(data), false, `${what} must not match the schema at ${pointerOf(segments)}`);
}

function schemaNames(): string[] {
  return Object.keys(doc.components.schemas);
}

/** Every operation of the document: path, method and the operation object. */
function operations(): Array<{ path: string; method: string; operation: Json }> {
  const out: Array<{ path: string; method: string; operation: Json }> = [];
  for (const [path, item] of Object.entries<Json>(doc.paths)) {
    for (const method of ['get', 'put', 'post', 'delete', 'patch']) {
      if (item[method]) out.push({ path, method, operation: item[method] });
    }
  }
  return out;
}

const EVENTS_JSON = ['paths', EVENTS, 'post', 'requestBody', 'content', 'application/json', 'schema'];
const EVENTS_NDJSON = ['paths', EVENTS, 'post', 'requestBody', 'content', 'application/x-ndjson'];
const EVENTS_ANSWER = ['paths', EVENTS, 'post', 'responses', '200', 'content', 'application/json', 'schema'];

// ---------------------------------------------------------------------------------------------
// The mock services: a generated account, and the small hand-made one of ./openapi-fixtures.ts.

interface Target {
  endpoint: string;
  dataset: Dataset;
  asOf: string;
}

const ENDPOINT = 'http://reports.test/api';
const AS_OF = '2026-10-31T10:15:00Z';
const dataset = withDenials(generateDataset({ seed: 'openapi', sessions: 2_000, days: 60, end: AS_OF }));
const MAIN: Target = { endpoint: ENDPOINT, dataset, asOf: AS_OF };
const SMALL: Target = { endpoint: 'http://small.test/reports', dataset: smallDataset, asOf: SMALL_AS_OF };
const service = createMockService({ endpoint: MAIN.endpoint, dataset: MAIN.dataset, asOf: MAIN.asOf });
const small = createMockService({ endpoint: SMALL.endpoint, dataset: SMALL.dataset, asOf: SMALL.asOf });
const server = setupServer(...service.handlers, ...small.handlers);

before(() => server.listen({ onUnhandledFrame: 'error' }));
after(() => server.close());

/** Query parameters as the wire has them: a list repeats the name. */
type Params = Record<string, string | string[]>;

function urlOf(path: PathName, product: string, params: Params, target: Target = MAIN): string {
  const url = new URL(`${target.endpoint}${path.replace('{product}', encodeURIComponent(product))}`);
  for (const [name, value] of Object.entries(params)) {
    for (const v of Array.isArray(value) ? value : [value]) url.searchParams.append(name, v);
  }
  return url.href;
}

interface Answer {
  status: number;
  contentType: string;
  body: Json;
  url: string;
}

async function get(path: PathName, params: Params, product: string = 'kre', target: Target = MAIN): Promise<Answer> {
  const url = urlOf(path, product, params, target);
  const response = await fetch(url, { headers: { Accept: 'application/json' } });
  const contentType = (response.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
  const text = await response.text();
  let body: Json;
  try {
    body = JSON.parse(text);
  } catch {
    assert.fail(`GET ${url}: ${response.status} with a body that is not JSON: ${clip(text)}`);
  }
  return { status: response.status, contentType, body, url };
}

/** Asserts an answer matches the document's response for its status and content type. */
function assertDocumented(path: PathName, answer: Answer): void {
  const responses = doc.paths[path].get.responses;
  const declared = responses[String(answer.status)];
  assert.ok(
    declared,
    `GET ${answer.url}: status ${answer.status} is not declared for GET ${path} (declared: ${Object.keys(responses).join(', ')}); body: ${clip(JSON.stringify(answer.body))}`,
  );
  const { node: response, segments } = deref(declared, ['paths', path, 'get', 'responses', String(answer.status)]);
  const types = Object.keys(response.content ?? {});
  assert.ok(
    types.includes(answer.contentType),
    `GET ${answer.url}: ${answer.status} answered with content type "${answer.contentType}", the document declares ${types.join(', ') || 'none'}`,
  );
  assertValid([...segments, 'content', answer.contentType, 'schema'], answer.body, `GET ${answer.url} (${answer.status})`);
}

// The core query for a set of wire parameters: the contract's names (CONTRACT 3.1, 3.2, 3.4, 5).
const list = (v: string | string[] | undefined): string[] | undefined => (v === undefined ? undefined : Array.isArray(v) ? v : [v]);
const one = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v[0] : v);
const num = (v: string | string[] | undefined): number | undefined => (v === undefined ? undefined : Number(one(v)));

function usageQuery(product: Product, p: Params): UsageQuery {
  return {
    product,
    from: one(p.from) as string,
    to: one(p.to) as string,
    interval: one(p.interval) as UsageQuery['interval'],
    timeZone: one(p.timeZone) as string,
    organizationIds: list(p.organizationId),
  };
}

function sessionsQuery(product: Product, p: Params): SessionsQuery {
  return {
    product,
    from: one(p.from),
    to: one(p.to),
    timeZone: one(p.timeZone) as string,
    q: one(p.q),
    licenseSources: list(p.licenseSource),
    organizationIds: list(p.organizationId),
    activeAt: one(p.activeAt),
    sort: one(p.sort) as SessionsQuery['sort'],
    order: one(p.order) as SessionsQuery['order'],
    offset: num(p.offset),
    limit: num(p.limit),
    asOf: one(p.asOf),
  };
}

function capacityQuery(product: Product, p: Params): CapacityQuery {
  return {
    product,
    from: one(p.from) as string,
    to: one(p.to) as string,
    timeZone: one(p.timeZone) as string,
    organizationIds: list(p.organizationId),
    licenses: num(p.licenses),
  };
}

/** What core answers for these parameters: a body, or the field of the ContractError it throws. */
function reference(path: PathName, product: Product, params: Params, target: Target = MAIN): { body?: unknown; field?: string } {
  try {
    return {
      body:
        path === USAGE
          ? computeUsage(target.dataset, usageQuery(product, params), target.asOf)
          : path === SESSIONS
            ? querySessions(target.dataset, sessionsQuery(product, params), target.asOf)
            : computeCapacity(target.dataset, capacityQuery(product, params), target.asOf),
    };
  } catch (error) {
    if (error instanceof ContractError) return { field: error.field };
    throw error;
  }
}

/** Asserts the mock answers what core says for these parameters (after checking it against the document). */
async function assertAsCore(path: PathName, product: Product, params: Params, target: Target = MAIN): Promise<Answer> {
  const answer = await get(path, params, product, target);
  assertDocumented(path, answer);
  const expected = reference(path, product, params, target);
  if (expected.field !== undefined) {
    assert.equal(answer.status, 400, `GET ${answer.url}: core rejects the query (field ${expected.field}), the mock answered ${answer.status}`);
    assert.equal(answer.body.field, expected.field, `GET ${answer.url}: the problem's field`);
  } else {
    assert.equal(answer.status, 200, `GET ${answer.url}: core answers, the mock answered ${answer.status}: ${clip(JSON.stringify(answer.body))}`);
    assert.deepEqual(answer.body, expected.body, `GET ${answer.url}: the mock's body differs from core's`);
  }
  return answer;
}

// Organizations and sources of the generated dataset, for filters.
const orgWithChildren = dataset.organizations.find((o) => o.parentId !== null && dataset.organizations.some((c) => c.parentId === o.id));
const leafOrg = dataset.organizations.find((o) => !dataset.organizations.some((c) => c.parentId === o.id));
const sources = [...new Set(dataset.sessions.map((s) => s.licenseSource))].sort();
/** A search that narrows the list: part of one user's name, in other case. */
const search = dataset.sessions.find((s) => s.product === 'kre' && s.started >= '2026-09-05' && /^[A-Za-z]{5}/.test(s.user.name))!.user.name.slice(1, 5).toUpperCase();
assert.ok(orgWithChildren && leafOrg && sources.length >= 2, 'the generated dataset has an organization tree and several license sources');
assert.ok(dataset.denials && dataset.denials.length > 0, 'the generated dataset has denials');

type Case = { product: Product; params: Params };

const usageCases: Case[] = [
  { product: 'kre', params: { from: '2026-10-25', to: '2026-10-31', interval: 'hour', timeZone: 'Europe/Berlin' } },
  { product: 'kre', params: { from: '2026-10-01', to: '2026-10-31', interval: 'hour', timeZone: 'UTC' } }, // exactly 31 days
  { product: 'kre', params: { from: '2026-09-01', to: '2026-10-31', interval: 'day', timeZone: 'Europe/Berlin' } },
  { product: 'kre', params: { from: '2026-09-02', to: '2026-11-30', interval: 'week', timeZone: 'America/New_York' } },
  { product: 'kre', params: { from: '2026-08-01', to: '2026-12-31', interval: 'month', timeZone: 'Asia/Kolkata' } },
  { product: 'kre', params: { from: '2026-09-01', to: '2026-10-31', interval: 'day', timeZone: 'Europe/Berlin', organizationId: orgWithChildren!.id } },
  {
    product: 'kre',
    params: { from: '2026-09-01', to: '2026-10-31', interval: 'month', timeZone: 'UTC', organizationId: [orgWithChildren!.id, leafOrg!.id] },
  },
  { product: 'testcloud', params: { from: '2026-09-01', to: '2026-10-31', interval: 'week', timeZone: 'Europe/Berlin' } },
  { product: 'kre', params: { from: '2026-11-01', to: '2026-11-30', interval: 'day', timeZone: 'UTC' } }, // after asOf: no buckets
];

const activeAt = '2026-10-14T09:30:00Z';
const sessionsCases: Case[] = [
  { product: 'kre', params: { from: '2026-10-01', to: '2026-10-31', timeZone: 'Europe/Berlin' } },
  { product: 'kre', params: { from: '2026-09-01', to: '2026-10-31', timeZone: 'UTC', sort: 'user', order: 'asc', offset: '40', limit: '25' } },
  { product: 'kre', params: { from: '2026-09-01', to: '2026-10-31', timeZone: 'UTC', q: search, sort: 'duration', limit: '1000' } },
  {
    product: 'kre',
    params: { from: '2026-09-01', to: '2026-10-31', timeZone: 'America/New_York', licenseSource: sources.slice(0, 2), sort: 'ended', order: 'asc' },
  },
  {
    product: 'kre',
    params: { from: '2026-09-01', to: '2026-10-31', timeZone: 'Asia/Kolkata', organizationId: orgWithChildren!.id, sort: 'organization' },
  },
  { product: 'kre', params: { activeAt, timeZone: 'Europe/Berlin', sort: 'email', order: 'asc' } },
  { product: 'kre', params: { activeAt, from: '2026-10-01', to: '2026-10-02', timeZone: 'UTC', organizationId: [orgWithChildren!.id, leafOrg!.id] } },
  { product: 'testcloud', params: { from: '2026-09-01', to: '2026-10-31', timeZone: 'UTC', sort: 'licenseType', offset: '5000' } },
  // Snapshots: an earlier asOf (the pages of an export), with a date range and with activeAt.
  { product: 'kre', params: { from: '2026-10-01', to: '2026-10-31', timeZone: 'Europe/Berlin', asOf: '2026-10-20T12:00:00+02:00', sort: 'ended' } },
  { product: 'kre', params: { activeAt, timeZone: 'UTC', asOf: '2026-10-14T10:00:00.500Z', limit: '1000' } },
  { product: 'kre', params: { from: '2026-10-01', to: '2026-10-31', timeZone: 'UTC', asOf: AS_OF, order: 'asc' } },
];
// Every sort field, each order in turn.
SORT_FIELDS.forEach((sort, i) => {
  const order = SORT_ORDERS[i % SORT_ORDERS.length];
  sessionsCases.push({ product: 'kre', params: { from: '2026-10-01', to: '2026-10-31', timeZone: 'UTC', sort, order, limit: '20' } });
});

const capacityCases: Case[] = [
  { product: 'kre', params: { from: '2026-10-01', to: '2026-10-31', timeZone: 'Europe/Berlin' } },
  // Longer than an hour usage query may be.
  { product: 'kre', params: { from: '2026-09-01', to: '2026-10-31', timeZone: 'UTC', licenses: '5' } },
  { product: 'kre', params: { from: '2026-09-01', to: '2026-10-31', timeZone: 'Europe/Berlin', organizationId: orgWithChildren!.id, licenses: '0' } },
  // Clipped at asOf.
  {
    product: 'kre',
    params: { from: '2026-10-20', to: '2026-11-10', timeZone: 'America/New_York', organizationId: [orgWithChildren!.id, leafOrg!.id], licenses: '3' },
  },
  { product: 'testcloud', params: { from: '2026-09-01', to: '2026-10-31', timeZone: 'Asia/Kolkata', licenses: '2' } },
  // After asOf: an empty range.
  { product: 'kre', params: { from: '2026-11-01', to: '2026-11-30', timeZone: 'UTC', licenses: '2' } },
];

const CASES: Record<PathName, Case[]> = { [USAGE]: usageCases, [SESSIONS]: sessionsCases, [CAPACITY]: capacityCases };

// The small account: a DST night in Europe/Berlin, an asOf with milliseconds (./openapi-fixtures.ts).
const smallUsageCases: Case[] = [
  ...INTERVALS.map((interval): Case => ({ product: 'kre', params: { from: '2026-10-24', to: '2026-10-28', interval, timeZone: 'Europe/Berlin' } })),
  { product: 'kre', params: { from: '2026-10-19', to: '2026-10-25', interval: 'week', timeZone: 'Europe/Berlin', organizationId: 'org-qa' } },
  { product: 'kre', params: { from: '2026-10-01', to: '2026-10-31', interval: 'day', timeZone: 'America/New_York', organizationId: 'org-qa-berlin' } },
  { product: 'kre', params: { from: '2026-10-20', to: '2026-10-30', interval: 'hour', timeZone: 'UTC', organizationId: ['org-dev', 'org-qa-berlin'] } },
  { product: 'kre', params: { from: '2026-10-01', to: '2026-10-31', interval: 'month', timeZone: 'Asia/Kolkata', organizationId: 'org-root' } },
  { product: 'testcloud', params: { from: '2026-10-24', to: '2026-10-28', interval: 'day', timeZone: 'Europe/Berlin' } },
];
const smallSessionsCases: Case[] = [
  { product: 'kre', params: { from: '2026-10-28', to: '2026-10-28', timeZone: 'Europe/Berlin', asOf: '2026-10-28T12:00:00Z' } },
  { product: 'kre', params: { from: '2026-10-28', to: '2026-10-28', timeZone: 'Europe/Berlin', asOf: '2026-10-28T12:00:00Z', order: 'asc' } },
  { product: 'kre', params: { activeAt: '2026-10-28T11:00:00Z', timeZone: 'UTC', asOf: '2026-10-28T12:00:00Z', sort: 'user' } },
  { product: 'kre', params: { activeAt: '2026-10-25T01:30:00Z', timeZone: 'Europe/Berlin', sort: 'organization', order: 'asc' } },
  { product: 'kre', params: { from: '2026-10-20', to: '2026-10-28', timeZone: 'Europe/Berlin', sort: 'duration', asOf: SMALL_AS_OF } },
  { product: 'kre', params: { from: '2026-10-20', to: '2026-10-28', timeZone: 'UTC', sort: 'ended', order: 'desc' } },
];
const smallCapacityCases: Case[] = [
  { product: 'kre', params: { from: '2026-10-24', to: '2026-10-28', timeZone: 'Europe/Berlin' } },
  { product: 'kre', params: { from: '2026-10-24', to: '2026-10-28', timeZone: 'Europe/Berlin', licenses: '2' } },
  { product: 'kre', params: { from: '2026-10-24', to: '2026-10-28', timeZone: 'Europe/Berlin', licenses: '0' } },
  { product: 'kre', params: { from: '2026-10-01', to: '2026-11-30', timeZone: 'Europe/Berlin', organizationId: 'org-qa', licenses: '1' } },
  { product: 'kre', params: { from: '2026-10-20', to: '2026-10-31', timeZone: 'America/New_York', organizationId: ['org-dev', 'org-qa-berlin'] } },
  { product: 'testcloud', params: { from: '2026-10-24', to: '2026-10-28', timeZone: 'UTC', licenses: '1' } },
];

// ---------------------------------------------------------------------------------------------

describe('(a) openapi.yaml is a valid OpenAPI 3.1 document', () => {
  it('validates against the OpenAPI 3.1 schema', async () => {
    const validator = new Validator();
    const result = await validator.validate(JSON.parse(docJson));
    assert.ok(result.valid, `openapi.yaml is not valid OpenAPI:\n${JSON.stringify(result.errors, null, 2)}`);
    assert.equal(validator.version, '3.1', 'the document is OpenAPI 3.1');
    assert.match(doc.openapi, /^3\.1\.\d+$/);
    assert.equal(doc.info.title, 'KRE license reports API');
    assert.equal(doc.info.version, '1.1.0', 'contract 1.1');
    assert.doesNotThrow(() => validator.resolveRefs(), 'the validator resolves every $ref');
  });

  it('every $ref resolves inside the document', () => {
    const unresolved: string[] = [];
    let count = 0;
    const walk = (node: Json, where: string): void => {
      if (Array.isArray(node)) return node.forEach((v, i) => walk(v, `${where}/${i}`));
      if (!node || typeof node !== 'object') return;
      if (typeof node.$ref === 'string') {
        count++;
        if (!node.$ref.startsWith('#/') || at(segmentsOfRef(node.$ref)) === undefined) unresolved.push(`${where}: ${node.$ref}`);
      }
      for (const [key, value] of Object.entries(node)) walk(value, `${where}/${key}`);
    };
    walk(doc, '#');
    assert.deepEqual(unresolved, [], `unresolved $refs:\n${unresolved.join('\n')}`);
    assert.ok(count > 20, `expected the document to use its components, found ${count} $refs`);
  });

  it('has the four paths, every named component schema, and problem+json errors', () => {
    assert.deepEqual(Object.keys(doc.paths).sort(), [CAPACITY, SESSIONS, USAGE, EVENTS].sort());
    for (const name of [
      'UsageResponse', 'UsageBucket', 'UsageSummary', 'CapacityChange', 'Organization', 'SessionsResponse', 'SessionItem',
      'SessionOrganization', 'Facets', 'CapacityResponse', 'CapacityLevel', 'CapacityCoverage', 'CapacityHour',
      'CapacityReplay', 'Event', 'SessionStartEvent', 'SessionEndEvent', 'DeniedEvent', 'AllocationEvent',
      'OrganizationEvent', 'EventsResult', 'RejectedEvent', 'Problem', 'Dataset', 'DenialRecord',
    ]) {
      assert.ok(doc.components.schemas[name], `components.schemas.${name} is missing`);
    }
    const expected: Record<string, string[]> = {
      [USAGE]: ['200', '400', '401', '403', '404', '500'],
      [SESSIONS]: ['200', '400', '401', '403', '404', '500'],
      [CAPACITY]: ['200', '400', '401', '403', '404', '500'],
      [EVENTS]: ['200', '400', '401', '403', '413', '415', '500'],
    };
    assert.deepEqual(
      operations().map((o) => `${o.method.toUpperCase()} ${o.path}`).sort(),
      [`GET ${USAGE}`, `GET ${SESSIONS}`, `GET ${CAPACITY}`, `POST ${EVENTS}`].sort(),
    );
    for (const { path, method, operation } of operations()) {
      const responses = operation.responses;
      assert.deepEqual(Object.keys(responses).sort(), expected[path], `responses of ${method} ${path}`);
      assert.ok(responses['200'].content['application/json'], `${method} ${path} 200 is application/json`);
      for (const status of expected[path].filter((s) => s !== '200')) {
        const { node } = deref(responses[status], []);
        assert.deepEqual(Object.keys(node.content), ['application/problem+json'], `${method} ${path} ${status} is application/problem+json`);
        assert.equal(node.content['application/problem+json'].schema.$ref, '#/components/schemas/Problem');
      }
    }
    assert.equal(doc.paths[EVENTS].post.responses['401'].$ref, '#/components/responses/Unauthorized', 'events reuse the 401');
    assert.equal(doc.paths[EVENTS].post.responses['403'].$ref, '#/components/responses/Forbidden', 'events reuse the 403');
  });

  it('every operation needs the bearer scheme, with the role of CONTRACT 7', () => {
    assert.deepEqual(
      { type: doc.components.securitySchemes.bearerAuth.type, scheme: doc.components.securitySchemes.bearerAuth.scheme },
      { type: 'http', scheme: 'bearer' },
    );
    for (const { path, method, operation } of operations()) {
      const role = path === EVENTS ? 'ingest' : 'account-admin';
      assert.deepEqual(operation.security, [{ bearerAuth: [role] }], `${method} ${path} needs the role ${role}`);
    }
    const text = `${doc.info.description}\n${doc.components.securitySchemes.bearerAuth.description}`;
    assert.match(text, /mock[^.]*checks no token/, 'the document says the mock checks no token');
    assert.match(text, /host's own backend may/, 'the document says a host\'s backend may authenticate its own way');
    assert.match(text, /`401` means "sign in/, '401 means sign in');
    assert.match(text, /`403` "you need the Account Admin role/, '403 means the Account Admin role is needed');
  });

  it('the description explains every 1.1 number', () => {
    const text: string = doc.info.description;
    for (const term of ['`denied`', '`capacityChanges`', '`utilization`', '`byHour`', '`replay`', '`coverage`', '`levels`', '`asOf`', '`sessionId` ascending']) {
      assert.ok(text.includes(term), `info.description mentions ${term}`);
    }
    assert.match(text, /ancestors, the account-wide scope/, 'the scopes an organization filter draws on');
    assert.match(text, /highest `peak \/ available` of the buckets whose `available` is above\s+0/, 'utilization');
    assert.match(text, /licenses at the end of the clipped range/, 'summary.available');
    assert.match(doc.components.parameters.sort.description, /ordered by `sessionId` ascending/, 'the tie-break in the sort docs');
  });

  it('every component schema compiles in JSON Schema 2020-12, with no unknown keyword', () => {
    // A strict ajv that knows OpenAPI's own keywords catches misspelt ones (minLenght, ...).
    const strict = new Ajv2020({ strictSchema: true, strictTypes: false, strictRequired: false, strictTuples: false, allErrors: true });
    addFormats(strict);
    strict.addVocabulary(['example', 'discriminator', 'xml', 'externalDocs']);
    // The document's own top-level fields (ajv compiles the root it resolves fragments in).
    strict.addVocabulary(['openapi', 'info', 'jsonSchemaDialect', 'servers', 'paths', 'webhooks', 'components', 'security', 'tags']);
    strict.addSchema(JSON.parse(docJson), DOC_ID);
    for (const name of schemaNames()) {
      assert.doesNotThrow(() => strict.compile({ $ref: `${DOC_ID}#/components/schemas/${name}` }), `components.schemas.${name}`);
    }
  });

  it('every example in the document matches its schema', () => {
    const checked: string[] = [];
    const check = (schema: Segments, value: unknown, where: string) => {
      assertValid(schema, value, `the example at ${where}`);
      checked.push(where);
    };
    // Schema examples, at any depth of a component schema.
    const walkSchema = (segments: string[]): void => {
      const node = at(segments);
      if (!node || typeof node !== 'object') return;
      if ('example' in node) check(segments, node.example, pointerOf([...segments, 'example']));
      for (const [key, value] of Object.entries(node.properties ?? {})) if (value) walkSchema([...segments, 'properties', key]);
      for (const key of ['anyOf', 'oneOf', 'allOf'] as const) (node[key] ?? []).forEach((_: unknown, i: number) => walkSchema([...segments, key, String(i)]));
      if (node.items && typeof node.items === 'object') walkSchema([...segments, 'items']);
    };
    for (const name of schemaNames()) walkSchema(['components', 'schemas', name]);
    // Parameter examples.
    for (const [name, parameter] of Object.entries<Json>(doc.components.parameters)) {
      const schema = ['components', 'parameters', name, 'schema'];
      if ('example' in parameter) check(schema, parameter.example, `#/components/parameters/${name}/example`);
      for (const [key, ex] of Object.entries<Json>(parameter.examples ?? {})) check(schema, ex.value, `#/components/parameters/${name}/examples/${key}`);
    }
    // Media type examples: request bodies and responses of every operation, and components.responses.
    const media: string[][] = [];
    for (const { path, method, operation } of operations()) {
      if (operation.requestBody) media.push(['paths', path, method, 'requestBody']);
      for (const status of Object.keys(operation.responses)) {
        if (!operation.responses[status].$ref) media.push(['paths', path, method, 'responses', status]);
      }
    }
    for (const name of Object.keys(doc.components.responses)) media.push(['components', 'responses', name]);
    for (const holder of media) {
      for (const [type, content] of Object.entries<Json>(at(holder).content ?? {})) {
        const schema = [...holder, 'content', type, 'schema'];
        if ('example' in content) check(schema, content.example, pointerOf([...holder, 'content', type, 'example']));
        for (const [key, ex] of Object.entries<Json>(content.examples ?? {})) {
          check(schema, ex.value, pointerOf([...holder, 'content', type, 'examples', key]));
        }
      }
    }
    assert.ok(checked.length >= 40, `expected realistic examples throughout, checked only ${checked.length}`);
    // The NDJSON example: each non-empty line is an Event.
    const ndjson = at(EVENTS_NDJSON);
    assert.equal(ndjson['x-itemSchema'].$ref, '#/components/schemas/Event', 'the NDJSON body names its item schema');
    const lines = String(ndjson.example).split('\n').filter((line) => line.trim() !== '');
    assert.ok(lines.length >= 2);
    lines.forEach((line, i) => assertValid([...EVENTS_NDJSON, 'x-itemSchema'], JSON.parse(line), `line ${i} of the NDJSON example`));
  });

  it('the examples drawn from the small account are core\'s answers', () => {
    const example = (path: PathName, name: string) => doc.paths[path].get.responses['200'].content['application/json'].examples[name].value;
    const drawn: Array<[PathName, string, Params]> = [
      [USAGE, 'organizationFilter', { from: '2026-10-19', to: '2026-10-25', interval: 'week', timeZone: 'Europe/Berlin', organizationId: 'org-qa' }],
      [SESSIONS, 'snapshot', { from: '2026-10-28', to: '2026-10-28', timeZone: 'Europe/Berlin', asOf: '2026-10-28T12:00:00Z' }],
      [CAPACITY, 'replay', { from: '2026-10-24', to: '2026-10-28', timeZone: 'Europe/Berlin', licenses: '2' }],
    ];
    for (const [path, name, params] of drawn) {
      const expected = reference(path, 'kre', params, SMALL);
      assert.equal(expected.field, undefined);
      assert.deepEqual(example(path, name), expected.body, `the example ${name} of GET ${path} is core's answer for ${JSON.stringify(params)}`);
    }
  });

  it('datasets match the Dataset schema (and the schema is not vacuous)', () => {
    assertValid(component('Dataset'), dataset, 'generateDataset({ sessions: 2000 }) with denials');
    assertValid(component('Dataset'), smallDataset, 'the small account');
    const { denials: _denials, ...withoutDenials } = smallDataset;
    assertValid(component('Dataset'), withoutDenials, 'a dataset without denials');
    assertInvalid(component('Dataset'), { ...dataset, sessions: [{ ...dataset.sessions[0], started: 'yesterday' }] }, 'a session with started "yesterday"');
    assertInvalid(component('Dataset'), { ...smallDataset, denials: [{ ...smallDataset.denials![0], at: 'yesterday' }] }, 'a denial at "yesterday"');
    const { requestId: _id, ...noId } = smallDataset.denials![0];
    assertInvalid(component('Dataset'), { ...smallDataset, denials: [noId] }, 'a denial without requestId');
    assertInvalid(component('Dataset'), { ...smallDataset, denials: {} }, 'denials that are no list');
  });
});

describe('(b) answers of the mock service match the response schemas', () => {
  it('usage: every interval, DST days, clipping at asOf, organization filters, both products', async () => {
    for (const { product, params } of usageCases) {
      const answer = await assertAsCore(USAGE, product, params);
      assert.equal(answer.status, 200);
      assert.equal(answer.contentType, 'application/json');
    }
    // The cases do exercise what the schemas allow: null peakAt and 23/25-hour days.
    const day = await get(USAGE, usageCases[2].params);
    assert.ok(day.body.buckets.some((b: Json) => b.peakAt === null) || day.body.buckets.length > 0);
    const hours = (b: Json) => (Date.parse(b.end) - Date.parse(b.start)) / 3_600_000;
    assert.ok(day.body.buckets.some((b: Json) => hours(b) === 25), 'a 25-hour day in Europe/Berlin in October');
    assert.ok(day.body.summary.denied > 0 && day.body.buckets.some((b: Json) => b.denied > 0), 'denials are counted');
    assert.ok(day.body.capacityChanges.length > 0, 'allocations change inside the range');
    const empty = await get(USAGE, usageCases[usageCases.length - 1].params);
    assert.deepEqual(empty.body.buckets, []);
    assert.deepEqual(empty.body.capacityChanges, []);
    assert.equal(empty.body.summary.utilization, null, 'no buckets: available 0, utilization null');
  });

  it('usage over the small account: denials, capacity changes of several scopes, a DST night, an asOf with milliseconds', async () => {
    const answers: Json[] = [];
    for (const { product, params } of smallUsageCases) {
      const answer = await assertAsCore(USAGE, product, params, SMALL);
      assert.equal(answer.status, 200);
      answers.push(answer.body);
    }
    const all = answers.flatMap((a) => a.buckets);
    assert.ok(all.some((b: Json) => b.denied > 1), 'a bucket with several denials');
    assert.ok(all.some((b: Json) => b.peakAt === null), 'a bucket without sessions (peakAt null)');
    assert.ok(all.some((b: Json) => /\.250[+-]\d\d:\d\d$/.test(b.end)), 'a bucket clipped at an asOf with milliseconds');
    for (const a of answers) {
      assert.equal(a.summary.denied, a.buckets.reduce((sum: number, b: Json) => sum + b.denied, 0), 'summary.denied is the buckets\' sum');
    }
    const changes = answers.flatMap((a) => a.capacityChanges);
    assert.ok(changes.some((c: Json) => c.organizationId === null) && changes.some((c: Json) => c.organizationId !== null), 'changes of both kinds of scope');
    assert.ok(changes.some((c: Json) => c.after < c.before), 'a decrease');
    const day = answers[INTERVALS.indexOf('day')];
    assert.ok(day.buckets.some((b: Json) => (Date.parse(b.end) - Date.parse(b.start)) / 3_600_000 === 25), 'the 25-hour day');
  });

  it('sessions: filters, search, every sort field and order, paging, activeAt, asOf', async () => {
    let active = 0;
    for (const { product, params } of sessionsCases) {
      const answer = await assertAsCore(SESSIONS, product, params);
      assert.equal(answer.status, 200);
      assert.equal(answer.contentType, 'application/json');
      active += answer.body.items.filter((i: Json) => i.ended === null).length;
    }
    const drill = await get(SESSIONS, { activeAt, timeZone: 'UTC', limit: '1000' });
    assert.ok(drill.body.total > 0, 'sessions are active at activeAt');
    active += drill.body.items.filter((i: Json) => i.ended === null).length;
    const noOrg = await get(SESSIONS, { from: '2026-09-01', to: '2026-10-31', timeZone: 'UTC', limit: '1000', sort: 'organization', order: 'asc' });
    assertDocumented(SESSIONS, noOrg);
    assert.ok(noOrg.body.items.some((i: Json) => i.organization === null), 'some sessions have no organization (organization: null)');
    const last = await get(SESSIONS, { from: '2026-10-01', to: '2026-10-31', timeZone: 'UTC', sort: 'ended', order: 'desc' });
    active += last.body.items.filter((i: Json) => i.ended === null).length;
    assert.ok(active > 0, 'some answers hold active sessions (ended: null)');
    const snapshot = await get(SESSIONS, { activeAt, timeZone: 'UTC', asOf: '2026-10-14T10:00:00.500Z' });
    assert.equal(snapshot.body.asOf, '2026-10-14T10:00:00.500Z', 'the answer reports the asOf it was asked for');
  });

  it('sessions over the small account: the asOf snapshot and the sessionId tie-break', async () => {
    for (const { product, params } of smallSessionsCases) {
      const answer = await assertAsCore(SESSIONS, product, params, SMALL);
      assert.equal(answer.status, 200);
    }
    const recorded = new Map(smallDataset.sessions.map((s) => [s.sessionId, s]));
    for (const order of SORT_ORDERS) {
      const page = await get(SESSIONS, { from: '2026-10-28', to: '2026-10-28', timeZone: 'Europe/Berlin', asOf: '2026-10-28T12:00:00Z', order }, 'kre', SMALL);
      const ids = page.body.items.map((i: Json) => i.sessionId);
      assert.deepEqual(ids.filter((id: string) => id === 's-09' || id === 's-0a'), ['s-09', 's-0a'], `equal starts in sessionId order (order=${order})`);
      assert.ok(!ids.includes('s-10'), 'a session that starts after asOf is left out');
      const ended = page.body.items.filter((i: Json) => i.ended === null && recorded.get(i.sessionId)!.ended !== null);
      assert.ok(ended.length > 0, 'a session that ended after asOf is active in the snapshot');
    }
  });

  it('capacity: with and without licenses, organization filters, DST zones, both products, an empty range', async () => {
    for (const target of [MAIN, SMALL]) {
      for (const { product, params } of target === MAIN ? capacityCases : smallCapacityCases) {
        const answer = await assertAsCore(CAPACITY, product, params, target);
        assert.equal(answer.status, 200);
        assert.equal(answer.contentType, 'application/json');
        const body = answer.body;
        assert.equal('replay' in body, 'licenses' in params, `replay is present exactly when licenses is given (${answer.url})`);
        assert.deepEqual(
          body.byHour.map((h: Json) => [h.weekday, h.hour]),
          Array.from({ length: 168 }, (_, k) => [Math.floor(k / 24) + 1, k % 24]),
          'byHour: weekday 1 hour 0 to weekday 7 hour 23',
        );
        assert.deepEqual(body.levels.map((l: Json) => l.level), body.levels.map((_: unknown, k: number) => k), 'levels 0 to the maximum');
        assert.equal(body.levels.length - 1, body.coverage.max);
      }
    }
    // The cases exercise what the schemas allow.
    const berlin = await get(CAPACITY, smallCapacityCases[1].params, 'kre', SMALL);
    assert.ok(!Number.isInteger(berlin.body.seconds), 'seconds is fractional when asOf has milliseconds');
    assert.ok(berlin.body.levels.some((l: Json) => !Number.isInteger(l.seconds)), 'so is some level');
    assert.ok(berlin.body.denied > 0 && berlin.body.replay.refused > 0 && berlin.body.replay.secondsOver > 0);
    const main = await get(CAPACITY, capacityCases[1].params);
    assert.ok(main.body.denied > 0 && main.body.coverage.max > 0 && main.body.replay.refused > 0, 'the generated account needs more than 5 licenses');
    const empty = await get(CAPACITY, capacityCases[capacityCases.length - 1].params);
    assert.equal(empty.body.seconds, 0);
    assert.deepEqual(empty.body.levels, [{ level: 0, seconds: 0 }]);
  });

  it('the schemas reject a body that breaks the contract (mock failure mode contract-violation)', async () => {
    try {
      for (const path of REPORT_PATHS) {
        service.control.set({ failure: 'contract-violation', times: 1 });
        const answer = await get(path, CASES[path][0].params);
        assert.equal(answer.status, 200);
        assertInvalid(component(RESPONSE_SCHEMA[path]), answer.body, `a drifted ${path} body`);
      }
    } finally {
      service.control.reset();
    }
  });

  it('the schemas reject real answers broken in one place each', async () => {
    const usage = (await get(USAGE, smallUsageCases[1].params, 'kre', SMALL)).body;
    const sessions = (await get(SESSIONS, smallSessionsCases[0].params, 'kre', SMALL)).body;
    const capacity = (await get(CAPACITY, smallCapacityCases[1].params, 'kre', SMALL)).body;
    assert.ok(usage.capacityChanges.length > 0 && usage.buckets.length > 0 && sessions.items.length > 0 && capacity.replay);
    const breaks: Array<[PathName, string, (body: Json) => void]> = [
      [USAGE, 'a bucket without denied', (b) => delete b.buckets[0].denied],
      [USAGE, 'a fractional denied', (b) => (b.buckets[0].denied = 0.5)],
      [USAGE, 'a negative denied', (b) => (b.buckets[0].denied = -1)],
      [USAGE, 'a summary without denied', (b) => delete b.summary.denied],
      [USAGE, 'no capacityChanges', (b) => delete b.capacityChanges],
      [USAGE, 'a capacity change without organizationId', (b) => delete b.capacityChanges[0].organizationId],
      [USAGE, 'a capacity change at a date', (b) => (b.capacityChanges[0].at = '2026-10-25')],
      [USAGE, 'a capacity change with a fractional after', (b) => (b.capacityChanges[0].after = 2.5)],
      [USAGE, 'a capacity change with an unknown member', (b) => (b.capacityChanges[0].scope = 'org-qa')],
      [SESSIONS, 'no asOf', (b) => delete b.asOf],
      [SESSIONS, 'an asOf that is no instant', (b) => (b.asOf = 'now')],
      [CAPACITY, 'byHour with 167 items', (b) => b.byHour.pop()],
      [CAPACITY, 'byHour with 169 items', (b) => b.byHour.push({ weekday: 1, hour: 0, peak: 0, averagePeak: 0 })],
      [CAPACITY, 'an hour 24', (b) => (b.byHour[23].hour = 24)],
      [CAPACITY, 'a weekday 0', (b) => (b.byHour[0].weekday = 0)],
      [CAPACITY, 'a fractional byHour peak', (b) => (b.byHour[0].peak = 0.5)],
      [CAPACITY, 'no levels', (b) => (b.levels = [])],
      [CAPACITY, 'a fractional level', (b) => (b.levels[1].level = 1.5)],
      [CAPACITY, 'coverage without p99', (b) => delete b.coverage.p99],
      [CAPACITY, 'a fractional coverage', (b) => (b.coverage.p90 = 2.5)],
      [CAPACITY, 'seconds as text', (b) => (b.seconds = String(b.seconds))],
      [CAPACITY, 'no byHour', (b) => delete b.byHour],
      [CAPACITY, 'a fractional available', (b) => (b.available = 9.5)],
      [CAPACITY, 'no denied', (b) => delete b.denied],
      [CAPACITY, 'a replay with fractional refused', (b) => (b.replay.refused = 1.5)],
      [CAPACITY, 'a replay without secondsOver', (b) => delete b.replay.secondsOver],
      [CAPACITY, 'replay null', (b) => (b.replay = null)],
      [CAPACITY, 'an unknown member', (b) => (b.utilization = 0.5)],
    ];
    const original: Record<PathName, Json> = { [USAGE]: usage, [SESSIONS]: sessions, [CAPACITY]: capacity };
    for (const path of REPORT_PATHS) assertValid(component(RESPONSE_SCHEMA[path]), original[path], `the unbroken ${path} body`);
    for (const [path, what, mutate] of breaks) {
      const body = structuredClone(original[path]);
      mutate(body);
      assertInvalid(component(RESPONSE_SCHEMA[path]), body, `a ${path} body with ${what}`);
    }
  });
});

describe('(c) error answers are documented problem+json bodies', () => {
  const usage = { from: '2026-10-01', to: '2026-10-31', interval: 'day', timeZone: 'Europe/Berlin' };
  const sessions = { from: '2026-10-01', to: '2026-10-31', timeZone: 'Europe/Berlin' };
  const capacity = { from: '2026-10-01', to: '2026-10-31', timeZone: 'Europe/Berlin' };
  const BASE: Record<PathName, Params> = { [USAGE]: usage, [SESSIONS]: sessions, [CAPACITY]: capacity };
  const hourDays = (days: number) => {
    const to = new Date(Date.parse('2026-09-01T00:00:00Z') + (days - 1) * 86_400_000).toISOString().slice(0, 10);
    return { ...usage, from: '2026-09-01', to, interval: 'hour' };
  };
  const later = new Date(Date.parse(AS_OF) + 1).toISOString();
  const bad: Array<{ name: string; path: PathName; params: Params; field: string }> = [
    { name: 'an unknown interval', path: USAGE, params: { ...usage, interval: 'year' }, field: 'interval' },
    { name: 'a malformed date', path: USAGE, params: { ...usage, from: '2026-13-01' }, field: 'from' },
    { name: 'a date that does not exist', path: SESSIONS, params: { ...sessions, to: '2026-02-30' }, field: 'to' },
    { name: 'to before from', path: USAGE, params: { ...usage, from: '2026-10-31', to: '2026-10-01' }, field: 'to' },
    { name: `an hour query over ${MAX_HOUR_RANGE_DAYS} days`, path: USAGE, params: hourDays(MAX_HOUR_RANGE_DAYS + 1), field: 'interval' },
    { name: 'an unknown time zone', path: USAGE, params: { ...usage, timeZone: 'Mars/Olympus_Mons' }, field: 'timeZone' },
    { name: 'an unknown organization', path: USAGE, params: { ...usage, organizationId: 'org-nowhere' }, field: 'organizationId' },
    { name: 'limit 0', path: SESSIONS, params: { ...sessions, limit: '0' }, field: 'limit' },
    { name: `limit ${MAX_LIMIT + 1}`, path: SESSIONS, params: { ...sessions, limit: String(MAX_LIMIT + 1) }, field: 'limit' },
    { name: 'a negative offset', path: SESSIONS, params: { ...sessions, offset: '-1' }, field: 'offset' },
    { name: 'a fractional limit', path: SESSIONS, params: { ...sessions, limit: '2.5' }, field: 'limit' },
    { name: 'an unknown sort field', path: SESSIONS, params: { ...sessions, sort: 'color' }, field: 'sort' },
    { name: 'an unknown order', path: SESSIONS, params: { ...sessions, order: 'up' }, field: 'order' },
    { name: 'an activeAt that is no instant', path: SESSIONS, params: { activeAt: 'noon', timeZone: 'UTC' }, field: 'activeAt' },
    { name: 'neither a date range nor activeAt', path: SESSIONS, params: { timeZone: 'UTC' }, field: 'from' },
    { name: 'a single-valued parameter given twice', path: SESSIONS, params: { ...sessions, sort: ['user', 'email'] }, field: 'sort' },
    { name: 'an asOf after the service\'s now (by 1 ms)', path: SESSIONS, params: { ...sessions, asOf: later }, field: 'asOf' },
    { name: 'an asOf after the service\'s now, with activeAt', path: SESSIONS, params: { activeAt, timeZone: 'UTC', asOf: '2026-11-01T00:00:00+01:00' }, field: 'asOf' },
    { name: 'an asOf that is no instant', path: SESSIONS, params: { ...sessions, asOf: '2026-10-20' }, field: 'asOf' },
    { name: 'licenses -1', path: CAPACITY, params: { ...capacity, licenses: '-1' }, field: 'licenses' },
    { name: 'licenses 2.5', path: CAPACITY, params: { ...capacity, licenses: '2.5' }, field: 'licenses' },
    { name: 'licenses "ten"', path: CAPACITY, params: { ...capacity, licenses: 'ten' }, field: 'licenses' },
    { name: 'licenses empty', path: CAPACITY, params: { ...capacity, licenses: '' }, field: 'licenses' },
    { name: 'licenses 1000000001', path: CAPACITY, params: { ...capacity, licenses: '1000000001' }, field: 'licenses' },
    { name: 'licenses given twice', path: CAPACITY, params: { ...capacity, licenses: ['1', '2'] }, field: 'licenses' },
    { name: 'a capacity query with to before from', path: CAPACITY, params: { ...capacity, from: '2026-10-31', to: '2026-10-01' }, field: 'to' },
    { name: 'a capacity query with an unknown organization', path: CAPACITY, params: { ...capacity, organizationId: ['org-nowhere'] }, field: 'organizationId' },
    { name: 'a capacity query with an unknown time zone', path: CAPACITY, params: { ...capacity, timeZone: 'Europe/Atlantis' }, field: 'timeZone' },
  ];
  for (const c of bad) {
    it(`400 for ${c.name} (GET ${c.path})`, async () => {
      const answer = await get(c.path, c.params);
      assert.equal(answer.status, 400, `GET ${answer.url}: expected 400, got ${answer.status}: ${clip(JSON.stringify(answer.body))}`);
      assert.equal(answer.contentType, 'application/problem+json');
      assertDocumented(c.path, answer);
      assert.equal(answer.body.status, 400, 'the problem repeats the status');
      assert.equal(answer.body.field, c.field, `the problem names the field: ${answer.body.detail}`);
      assert.ok(typeof answer.body.detail === 'string' && answer.body.detail.length > 0, 'the problem has a detail to show');
    });
  }

  it(`an hour query of exactly ${MAX_HOUR_RANGE_DAYS} days is answered, one of ${MAX_HOUR_RANGE_DAYS + 1} is not`, async () => {
    const ok = await get(USAGE, hourDays(MAX_HOUR_RANGE_DAYS));
    assert.equal(ok.status, 200);
    assertDocumented(USAGE, ok);
    const tooLong = await get(USAGE, hourDays(MAX_HOUR_RANGE_DAYS + 1));
    assert.equal(tooLong.status, 400);
    const text = `${doc.info.description}\n${doc.components.parameters.interval.description}\n${doc.paths[USAGE].get.description}`;
    assert.match(text, new RegExp(`at most ${MAX_HOUR_RANGE_DAYS} days`), 'the document states the hour limit');
  });

  it('an asOf equal to the service\'s now, and licenses 0 and 1000000000, are answered', async () => {
    for (const [path, params] of [
      [SESSIONS, { ...sessions, asOf: AS_OF }],
      [SESSIONS, { ...sessions, asOf: '2026-10-31T11:15:00+01:00' }],
      [CAPACITY, { ...capacity, licenses: '0' }],
      [CAPACITY, { ...capacity, licenses: '1000000000' }],
    ] as const) {
      const answer = await get(path, params);
      assert.equal(answer.status, 200, `GET ${answer.url}: ${clip(JSON.stringify(answer.body))}`);
      assertDocumented(path, answer);
    }
  });

  it('404 for an unknown product, on every report path', async () => {
    for (const path of REPORT_PATHS) {
      const answer = await get(path, BASE[path], 'katalon');
      assert.equal(answer.status, 404);
      assert.equal(answer.contentType, 'application/problem+json');
      assertDocumented(path, answer);
      assert.equal(answer.body.status, 404);
    }
  });

  const statusFailures = MOCK_FAILURES.filter((f) => /^status-\d{3}$/.test(f));
  it(`the mock's failure modes with a body (${statusFailures.join(', ')}) match the document`, async () => {
    assert.ok(statusFailures.length >= 3, 'the mock offers 401, 403 and 500 failure modes');
    try {
      for (const failure of statusFailures) {
        const status = Number(failure.slice('status-'.length));
        for (const path of REPORT_PATHS) {
          service.control.set({ failure, times: 1 });
          const answer = await get(path, BASE[path]);
          assert.equal(answer.status, status, `failure mode ${failure}`);
          assert.equal(answer.contentType, 'application/problem+json', `failure mode ${failure}`);
          assertDocumented(path, answer);
          assert.equal(answer.body.status, status);
        }
      }
    } finally {
      service.control.reset();
    }
  });
});

describe('(d) the declared parameters are the ones the mock reads, with core\'s meaning', () => {
  /** The query parameters the document declares for GET path, resolved. */
  function declared(path: PathName): Map<string, Json> {
    const operation = doc.paths[path].get;
    const out = new Map<string, Json>();
    for (const p of [...(doc.paths[path].parameters ?? []), ...(operation.parameters ?? [])]) {
      const { node } = deref(p, []);
      if (node.in === 'query') out.set(node.name, node);
    }
    return out;
  }

  /** Names of the query parameters the mock reads while it answers (URLSearchParams look-ups). */
  async function namesRead(path: PathName, params: Params): Promise<{ names: Set<string>; enumerated: boolean }> {
    const url = urlOf(path, 'kre', params);
    const proto = URLSearchParams.prototype as Json;
    const saved = new Map<string, Json>();
    const names = new Set<string>();
    let enumerated = false;
    for (const method of ['get', 'getAll', 'has']) {
      saved.set(method, proto[method]);
      proto[method] = function (this: URLSearchParams, name: string, ...rest: unknown[]) {
        names.add(name);
        return saved.get(method).call(this, name, ...rest);
      };
    }
    for (const method of ['keys', 'entries', 'forEach', Symbol.iterator] as const) {
      saved.set(String(method), proto[method]);
      proto[method] = function (this: URLSearchParams, ...args: unknown[]) {
        enumerated = true;
        return saved.get(String(method)).apply(this, args);
      };
    }
    try {
      const response = await fetch(url);
      await response.arrayBuffer();
    } finally {
      for (const method of ['get', 'getAll', 'has']) proto[method] = saved.get(method);
      for (const method of ['keys', 'entries', 'forEach', Symbol.iterator] as const) proto[method] = saved.get(String(method));
    }
    return { names, enumerated };
  }

  for (const path of REPORT_PATHS) {
    const cases = CASES[path];
    it(`GET ${path}: the mock reads exactly the declared query parameters`, async () => {
      const names = [...declared(path).keys()].sort();
      const all: Params = Object.assign({}, ...cases.map((c) => c.params));
      const read = await namesRead(path, all);
      assert.equal(read.enumerated, false, 'the mock enumerates the query string; this check cannot see which names it reads');
      const undeclared = [...read.names].filter((n) => !names.includes(n)).sort();
      const unread = names.filter((n) => !read.names.has(n));
      assert.ok(
        undeclared.length === 0 && unread.length === 0,
        `GET ${path}: the mock reads parameters the document does not declare: [${undeclared.join(', ')}]; ` +
          `the document declares parameters the mock never reads: [${unread.join(', ')}]`,
      );
    });

    it(`GET ${path}: each declared parameter changes core's answer in some case, and has the declared required flag`, async () => {
      // (b) showed the mock answers every case exactly as core; here core shows each parameter
      // matters in some case, so the mock cannot be ignoring it.
      const params = declared(path);
      const effective = new Set<string>();
      const omittable = new Set<string>();
      const requiredBy = new Map<string, Params>();
      for (const { product, params: full } of cases) {
        const withIt = reference(path, product, full);
        assert.equal(withIt.field, undefined, `the case ${JSON.stringify(full)} is a valid query`);
        for (const name of Object.keys(full)) {
          assert.ok(params.has(name), `the test sends ${name}, which the document does not declare for ${path}`);
          const { [name]: _dropped, ...without } = full;
          const withoutIt = reference(path, product, without);
          if (withoutIt.field === undefined) omittable.add(name);
          else if (withoutIt.field === name) requiredBy.set(name, without);
          if (!isDeepStrictEqual(withIt, withoutIt)) effective.add(name);
        }
      }
      for (const [name, parameter] of params) {
        assert.ok(effective.has(name), `no case shows that ${name} changes the answer of ${path}; add one`);
        if (parameter.required) {
          assert.ok(!omittable.has(name), `${name} is declared required, but core answers without it`);
          const without = requiredBy.get(name);
          assert.ok(without, `leaving out ${name} is not rejected naming ${name}`);
          const answer = await get(path, without);
          assert.equal(answer.status, 400, `GET ${answer.url}: the required ${name} is missing, expected 400, got ${answer.status}`);
          assertDocumented(path, answer);
          assert.equal(answer.body.field, name, `GET ${answer.url}: the problem names ${name}`);
        } else {
          const lacking = omittable.has(name) || cases.some((c) => !(name in c.params));
          assert.ok(lacking, `${name} is declared optional, but no case answers without it`);
        }
      }
    });

    it(`GET ${path}: declared defaults are the mock's`, async () => {
      let count = 0;
      for (const [name, parameter] of declared(path)) {
        const { node: schema } = deref(parameter.schema, []);
        if (schema.default === undefined) continue;
        const base = cases.find((c) => !(name in c.params) && c.product === 'kre' && !('activeAt' in c.params))!.params;
        const implicit = await get(path, base);
        const explicit = await get(path, { ...base, [name]: String(schema.default) });
        assert.equal(explicit.status, 200, `${name}=${schema.default}`);
        assert.deepEqual(implicit.body, explicit.body, `leaving ${name} out is the same as ${name}=${schema.default}`);
        count++;
      }
      assert.equal(count, path === SESSIONS ? 4 : 0, path === SESSIONS ? 'sort, order, offset and limit have defaults' : 'no defaults');
    });
  }

  it('the enums and limits are core\'s constants', async () => {
    const schemas = doc.components.schemas;
    assert.deepEqual(schemas.Product.enum, [...PRODUCTS], 'Product');
    assert.deepEqual(schemas.Interval.enum, [...INTERVALS], 'Interval');
    assert.deepEqual(schemas.SortField.enum, [...SORT_FIELDS], 'SortField');
    assert.deepEqual(schemas.SortOrder.enum, [...SORT_ORDERS], 'SortOrder');
    const schemaOf = (name: string) => deref(doc.components.parameters[name].schema, []).node;
    assert.deepEqual(schemaOf('product').enum, [...PRODUCTS]);
    assert.deepEqual(schemaOf('interval').enum, [...INTERVALS]);
    assert.deepEqual(schemaOf('sort').enum, [...SORT_FIELDS]);
    assert.deepEqual(schemaOf('order').enum, [...SORT_ORDERS]);
    assert.equal(schemaOf('sort').default, 'started');
    assert.equal(schemaOf('order').default, 'desc');
    const limit = schemaOf('limit');
    assert.equal(limit.type, 'integer');
    assert.equal(limit.minimum, 1);
    assert.equal(limit.maximum, MAX_LIMIT);
    assert.equal(limit.default, DEFAULT_LIMIT);
    assert.equal(schemas.SessionsResponse.properties.limit.maximum, MAX_LIMIT);
    assert.equal(schemas.SessionsResponse.properties.items.maxItems, MAX_LIMIT);
    const offset = schemaOf('offset');
    assert.equal(offset.type, 'integer');
    assert.equal(offset.minimum, 0);
    assert.equal(offset.default, 0);
    for (const name of ['organizationId', 'licenseSource']) {
      const p = doc.components.parameters[name];
      assert.equal(p.style, 'form', `${name} style`);
      assert.equal(p.explode, true, `${name} explode`);
      assert.equal(p.schema.type, 'array', `${name} is a list`);
    }
    for (const name of ['usageFrom', 'usageTo', 'sessionsFrom', 'sessionsTo']) assert.equal(schemaOf(name).format, 'date', name);
    for (const name of ['activeAt', 'asOf']) assert.equal(schemaOf(name).format, 'date-time', name);
    // licenses: a whole number from 0 to the maximum core accepts.
    const licenses = schemaOf('licenses');
    assert.equal(licenses.type, 'integer');
    assert.equal(licenses.minimum, 0);
    assert.equal(schemas.CapacityReplay.properties.licenses.maximum, licenses.maximum);
    assert.equal(reference(CAPACITY, 'kre', { ...capacityCases[0].params, licenses: String(licenses.maximum) }).field, undefined, 'core accepts the maximum');
    assert.equal(reference(CAPACITY, 'kre', { ...capacityCases[0].params, licenses: String(licenses.maximum + 1) }).field, 'licenses', 'core rejects one more');
    // byHour: 7 weekdays of 24 hours.
    assert.equal(schemas.CapacityResponse.properties.byHour.minItems, 168);
    assert.equal(schemas.CapacityResponse.properties.byHour.maxItems, 168);
    assert.deepEqual([schemas.CapacityHour.properties.weekday.minimum, schemas.CapacityHour.properties.weekday.maximum], [1, 7]);
    assert.deepEqual([schemas.CapacityHour.properties.hour.minimum, schemas.CapacityHour.properties.hour.maximum], [0, 23]);
  });

  it('every enum value is accepted by the mock', async () => {
    for (const product of PRODUCTS) {
      for (const interval of INTERVALS) {
        const answer = await get(USAGE, { from: '2026-10-01', to: '2026-10-31', interval, timeZone: 'UTC' }, product);
        assert.equal(answer.status, 200, `${product} ${interval}`);
      }
    }
    // Every sort field and order is among sessionsCases (checked against core in (b)).
    for (const sort of SORT_FIELDS) assert.ok(sessionsCases.some((c) => c.params.sort === sort), `sort=${sort} is tested`);
    for (const order of SORT_ORDERS) assert.ok(sessionsCases.some((c) => c.params.order === order), `order=${order} is tested`);
  });
});

describe('(e) POST /events: bodies and answers (no implementation here: hand-written examples)', () => {
  const EVENT = component('Event');
  const TYPES = ['session-start', 'session-end', 'denied', 'allocation', 'organization'];

  it('is a POST that takes a JSON array of events or NDJSON, answered with EventsResult', () => {
    const operation = doc.paths[EVENTS].post;
    assert.equal(operation.requestBody.required, true);
    assert.deepEqual(Object.keys(operation.requestBody.content).sort(), ['application/json', 'application/x-ndjson']);
    const json = at(EVENTS_JSON);
    assert.equal(json.type, 'array');
    assert.equal(json.items.$ref, '#/components/schemas/Event');
    assert.equal(operation.responses['200'].content['application/json'].schema.$ref, '#/components/schemas/EventsResult');
    assert.equal(operation.responses['413'].$ref, '#/components/responses/PayloadTooLarge');
    assert.match(`${operation.description}\n${doc.components.responses.PayloadTooLarge.description}`, /10 MiB/, 'the body limit is stated');
  });

  it('the discriminator names the five event types, each the const type of its schema', () => {
    const event = doc.components.schemas.Event;
    assert.equal(event.discriminator.propertyName, 'type');
    assert.deepEqual(Object.keys(event.discriminator.mapping).sort(), [...TYPES].sort());
    assert.deepEqual(
      event.oneOf.map((s: Json) => s.$ref).sort(),
      Object.values<string>(event.discriminator.mapping).sort(),
      'oneOf and the mapping list the same schemas',
    );
    for (const [type, ref] of Object.entries<string>(event.discriminator.mapping)) {
      const schema = at(segmentsOfRef(ref));
      assert.equal(schema.properties.type.const, type, `${ref} has type ${type}`);
      assert.ok(schema.required.includes('type'), `${ref} requires type`);
      if (type !== 'allocation' && type !== 'organization') assert.ok(schema.required.includes('at'), `${ref} requires at`);
    }
  });

  it('a JSON array of all five event types matches the request body', () => {
    assert.deepEqual(validEvents.map((e) => e.type).sort(), [...TYPES].sort());
    assertValid(EVENTS_JSON, validEvents, 'a JSON array of the five event types');
    assertValid(EVENTS_JSON, [], 'an empty array');
    for (const event of validEvents) assertValid(EVENT, event, `the ${event.type} event`);
  });

  it('each non-empty line of an NDJSON body is an Event', () => {
    assertValid([...EVENTS_NDJSON, 'schema'], validNdjson, 'the NDJSON body');
    const lines = validNdjson.split('\n').filter((line) => line.trim() !== '');
    assert.equal(lines.length, validEvents.length, 'blank lines are not events');
    lines.forEach((line, i) => assertValid([...EVENTS_NDJSON, 'x-itemSchema'], JSON.parse(line), `NDJSON line ${i}`));
  });

  it('a dataset\'s records as events match Event (loading a file is sending its records)', () => {
    for (const [name, data] of [['the small account', smallDataset], ['the generated account', dataset]] as const) {
      const events = datasetAsEvents(data);
      assert.deepEqual([...new Set(events.map((e) => e.type))].sort(), [...TYPES].sort(), `${name} yields every type`);
      assertValid(EVENTS_JSON, events, `${name} as events`);
    }
  });

  it('invalid events do not match, alone or in an array', () => {
    for (const { name, event } of invalidEvents) {
      assertInvalid(EVENT, event, `an event with ${name}`);
      assertInvalid(EVENTS_JSON, [...validEvents, event], `an array holding an event with ${name}`);
    }
    assertInvalid(EVENTS_JSON, validEvents[0], 'a single event that is not in an array');
  });

  it('answers: one with a rejected item matches EventsResult, broken ones do not', () => {
    assertValid(EVENTS_ANSWER, answerWithRejection, 'an answer with a rejected item');
    assertValid(EVENTS_ANSWER, { accepted: 0, duplicates: 0, rejected: [] }, 'an answer for an empty body');
    const broken: Array<[string, unknown]> = [
      ['no rejected', { accepted: 1, duplicates: 0 }],
      ['no duplicates', { accepted: 1, rejected: [] }],
      ['a negative accepted', { ...answerWithRejection, accepted: -1 }],
      ['a fractional duplicates', { ...answerWithRejection, duplicates: 0.5 }],
      ['a rejected item without detail', { ...answerWithRejection, rejected: [{ index: 4 }] }],
      ['a rejected item without index', { ...answerWithRejection, rejected: [{ detail: 'at: missing' }] }],
      ['a negative index', { ...answerWithRejection, rejected: [{ index: -1, detail: 'at: missing' }] }],
      ['an index as text', { ...answerWithRejection, rejected: [{ index: '4', detail: 'at: missing' }] }],
      ['an unknown member', { ...answerWithRejection, stored: 3 }],
    ];
    for (const [what, body] of broken) assertInvalid(EVENTS_ANSWER, body, `an answer with ${what}`);
  });
});
