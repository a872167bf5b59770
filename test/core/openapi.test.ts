/**
 * openapi.yaml against itself, core and the mock service:
 *  (a) it is a valid OpenAPI 3.1 document whose $refs all resolve, and its examples match its schemas;
 *  (b) real 200 answers of the mock (fetch through an msw node server) match the response schemas;
 *  (c) so do its error answers (400, 404 and the failure modes 400/401/403/500), as problem+json;
 *  (d) the query parameters it declares are exactly the ones the mock reads, each with the effect
 *      core gives it, with the declared required flags and defaults; the enums are core's constants.
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
  computeUsage,
  querySessions,
  type Product,
  type SessionsQuery,
  type UsageQuery,
} from '../../src/core/index.js';
import { MOCK_FAILURES, createMockService, generateDataset } from '../../src/mock/index.js';

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
type PathName = typeof USAGE | typeof SESSIONS;

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

function schemaNames(): string[] {
  return Object.keys(doc.components.schemas);
}

// ---------------------------------------------------------------------------------------------
// The mock service

const ENDPOINT = 'http://reports.test/api';
const AS_OF = '2026-10-31T10:15:00Z';
const dataset = generateDataset({ seed: 'openapi', sessions: 2_000, days: 60, end: AS_OF });
const service = createMockService({ endpoint: ENDPOINT, dataset, asOf: AS_OF });
const server = setupServer(...service.handlers);

before(() => server.listen({ onUnhandledFrame: 'error' }));
after(() => server.close());

/** Query parameters as the wire has them: a list repeats the name. */
type Params = Record<string, string | string[]>;

function urlOf(path: PathName, product: string, params: Params): string {
  const url = new URL(`${ENDPOINT}${path.replace('{product}', encodeURIComponent(product))}`);
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

async function get(path: PathName, params: Params, product: string = 'kre'): Promise<Answer> {
  const url = urlOf(path, product, params);
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

// The core query for a set of wire parameters: the contract's names (CONTRACT 3.1, 3.2, 5).
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
  };
}

/** What core answers for these parameters: a body, or the field of the ContractError it throws. */
function reference(path: PathName, product: Product, params: Params): { body?: unknown; field?: string } {
  try {
    return {
      body:
        path === USAGE
          ? computeUsage(dataset, usageQuery(product, params), AS_OF)
          : querySessions(dataset, sessionsQuery(product, params), AS_OF),
    };
  } catch (error) {
    if (error instanceof ContractError) return { field: error.field };
    throw error;
  }
}

/** Asserts the mock answers what core says for these parameters (after checking it against the document). */
async function assertAsCore(path: PathName, product: Product, params: Params): Promise<Answer> {
  const answer = await get(path, params, product);
  assertDocumented(path, answer);
  const expected = reference(path, product, params);
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

const usageCases: Array<{ product: Product; params: Params }> = [
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
const sessionsCases: Array<{ product: Product; params: Params }> = [
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
];
// Every sort field, each order in turn.
SORT_FIELDS.forEach((sort, i) => {
  const order = SORT_ORDERS[i % SORT_ORDERS.length];
  sessionsCases.push({ product: 'kre', params: { from: '2026-10-01', to: '2026-10-31', timeZone: 'UTC', sort, order, limit: '20' } });
});

// ---------------------------------------------------------------------------------------------

describe('(a) openapi.yaml is a valid OpenAPI 3.1 document', () => {
  it('validates against the OpenAPI 3.1 schema', async () => {
    const validator = new Validator();
    const result = await validator.validate(JSON.parse(docJson));
    assert.ok(result.valid, `openapi.yaml is not valid OpenAPI:\n${JSON.stringify(result.errors, null, 2)}`);
    assert.equal(validator.version, '3.1', 'the document is OpenAPI 3.1');
    assert.match(doc.openapi, /^3\.1\.\d+$/);
    assert.equal(doc.info.title, 'KRE license reports API');
    assert.equal(doc.info.version, '1.0.0');
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

  it('has the two paths, every named component schema, and problem+json errors', () => {
    assert.deepEqual(Object.keys(doc.paths).sort(), [SESSIONS, USAGE].sort());
    for (const name of [
      'UsageResponse', 'UsageBucket', 'UsageSummary', 'Organization', 'SessionsResponse', 'SessionItem',
      'SessionOrganization', 'Facets', 'Problem', 'Dataset',
    ]) {
      assert.ok(doc.components.schemas[name], `components.schemas.${name} is missing`);
    }
    for (const path of [USAGE, SESSIONS]) {
      const responses = doc.paths[path].get.responses;
      assert.deepEqual(Object.keys(responses).sort(), ['200', '400', '401', '403', '404', '500'], `responses of GET ${path}`);
      assert.ok(responses['200'].content['application/json'], `GET ${path} 200 is application/json`);
      for (const status of ['400', '401', '403', '404', '500']) {
        const { node } = deref(responses[status], []);
        assert.deepEqual(Object.keys(node.content), ['application/problem+json'], `GET ${path} ${status} is application/problem+json`);
        assert.equal(node.content['application/problem+json'].schema.$ref, '#/components/schemas/Problem');
      }
    }
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
    // Media type examples, in paths and in components.responses.
    const media: string[][] = [];
    for (const path of Object.keys(doc.paths)) {
      for (const status of Object.keys(doc.paths[path].get.responses)) {
        if (!doc.paths[path].get.responses[status].$ref) media.push(['paths', path, 'get', 'responses', status]);
      }
    }
    for (const name of Object.keys(doc.components.responses)) media.push(['components', 'responses', name]);
    for (const response of media) {
      for (const [type, content] of Object.entries<Json>(at(response).content ?? {})) {
        const schema = [...response, 'content', type, 'schema'];
        if ('example' in content) check(schema, content.example, pointerOf([...response, 'content', type, 'example']));
        for (const [key, ex] of Object.entries<Json>(content.examples ?? {})) {
          check(schema, ex.value, pointerOf([...response, 'content', type, 'examples', key]));
        }
      }
    }
    assert.ok(checked.length >= 20, `expected realistic examples throughout, checked only ${checked.length}`);
  });

  it('a generated dataset matches the Dataset schema (and the schema is not vacuous)', () => {
    assertValid(['components', 'schemas', 'Dataset'], dataset, 'generateDataset({ sessions: 2000 })');
    const validate = schemaAt(['components', 'schemas', 'Dataset']);
    const broken = { ...dataset, sessions: [{ ...dataset.sessions[0], started: 'yesterday' }] };
    assert.equal(validate(broken), false, 'a session with started "yesterday" must not match Dataset');
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
    const empty = await get(USAGE, usageCases[usageCases.length - 1].params);
    assert.deepEqual(empty.body.buckets, []);
    assert.equal(empty.body.summary.utilization, null, 'no buckets: available 0, utilization null');
  });

  it('sessions: filters, search, every sort field and order, paging, activeAt', async () => {
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
  });

  it('the schemas reject a body that breaks the contract (mock failure mode contract-violation)', async () => {
    for (const path of [USAGE, SESSIONS] as const) {
      service.control.set({ failure: 'contract-violation', times: 1 });
      const answer = await get(path, path === USAGE ? usageCases[2].params : sessionsCases[0].params);
      assert.equal(answer.status, 200);
      const validate = schemaAt(['components', 'schemas', path === USAGE ? 'UsageResponse' : 'SessionsResponse']);
      assert.equal(validate(answer.body), false, `a drifted ${path} body must not match the document`);
    }
    service.control.reset();
  });
});

describe('(c) error answers are documented problem+json bodies', () => {
  const usage = { from: '2026-10-01', to: '2026-10-31', interval: 'day', timeZone: 'Europe/Berlin' };
  const sessions = { from: '2026-10-01', to: '2026-10-31', timeZone: 'Europe/Berlin' };
  const hourDays = (days: number) => {
    const to = new Date(Date.parse('2026-09-01T00:00:00Z') + (days - 1) * 86_400_000).toISOString().slice(0, 10);
    return { ...usage, from: '2026-09-01', to, interval: 'hour' };
  };
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
  ];
  for (const c of bad) {
    it(`400 for ${c.name}`, async () => {
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

  it('404 for an unknown product, on both paths', async () => {
    for (const [path, params] of [[USAGE, usage], [SESSIONS, sessions]] as const) {
      const answer = await get(path, params, 'katalon');
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
        for (const [path, params] of [[USAGE, usage], [SESSIONS, sessions]] as const) {
          service.control.set({ failure, times: 1 });
          const answer = await get(path, params);
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

  for (const [path, cases] of [[USAGE, usageCases], [SESSIONS, sessionsCases]] as const) {
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
      if (path === SESSIONS) assert.equal(count, 4, 'sort, order, offset and limit have defaults');
    });
  }

  it('the enums and limits are core\'s constants', () => {
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
    assert.equal(schemaOf('activeAt').format, 'date-time');
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
