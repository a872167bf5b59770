/**
 * The report service as a request handler for `node:http` (CONTRACT 3 and 7): reports (3.1, 3.2,
 * 3.4) for the role `account-admin`, events (3.5) for the role `ingest`, each for the account of
 * the caller's bearer token; CORS for configured origins; RFC 9457 problem bodies; a body limit,
 * a time-out per request and a structured access log.
 *
 * `createReportHandler(options)` returns `(request, response, next?) => void`: mount it on a
 * `node:http` server, or use it as Express middleware (requests outside `base` go to `next`).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ContractError } from '../core/errors.js';
import { parseCapacityQuery, parseSessionsQuery, parseUsageQuery } from '../core/params.js';
import { PRODUCTS, type Problem, type Product } from '../core/types.js';
import type { Store } from './store.js';

export type Role = 'account-admin' | 'ingest';
export const ROLES: readonly Role[] = ['account-admin', 'ingest'];

export interface TokenGrant {
  token: string;
  account: string;
  /** `account-admin` reads the reports, `ingest` sends events; any other role grants neither. */
  role: string;
}

export interface AccessLogEntry {
  time: string;
  method: string;
  path: string;
  status: number;
  ms: number;
  account: string | null;
  bytesIn: number;
  /** Events: how many were accepted, duplicates, rejected. */
  events?: { accepted: number; duplicates: number; rejected: number };
  error?: string;
}

export interface ReportHandlerOptions {
  store: Store;
  /** Token grants (CONTRACT 7). Ignored when `authenticate` is given. */
  tokens?: readonly TokenGrant[];
  /**
   * Your own check instead of the token list (a session cookie, a JWT, an API gateway's header):
   * the caller's account and role, or null for "not signed in" (401).
   */
  authenticate?: (request: IncomingMessage) => { account: string; role: string } | null | Promise<{ account: string; role: string } | null>;
  /** Where the endpoint lives, default `/api` (`GET /api/kre/usage`). */
  base?: string;
  /** Origins that may call the service from a browser on another origin (with credentials). */
  cors?: readonly string[];
  /** The service's now, fixed (tests, demos); default the clock. */
  asOf?: string | Date | (() => Date);
  /** Largest events body, default 10 MiB; a larger one is answered 413 and stores nothing. */
  maxBodyBytes?: number;
  /** Longest time a request may take before it is answered 503, default 30 s. */
  timeoutMs?: number;
  /** The access log: one entry per request (default: none). */
  log?: (entry: AccessLogEntry) => void;
}

export type ReportHandler = ((request: IncomingMessage, response: ServerResponse, next?: (error?: unknown) => void) => void) & {
  /** Requests being answered now (a graceful stop waits for them). */
  readonly inFlight: number;
};

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  408: 'Request Timeout',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

class HttpProblem extends Error {
  constructor(
    readonly status: number,
    detail: string,
    readonly headers: Record<string, string> = {},
    readonly field?: string,
  ) {
    super(detail);
  }
}

function isContractError(error: unknown): error is ContractError {
  return error instanceof ContractError || (error instanceof Error && error.name === 'ContractError' && typeof (error as ContractError).field === 'string');
}

type Report = 'usage' | 'sessions' | 'capacity';

/** The body of a request, up to `limit` bytes; a larger one is a 413 (and is not kept). */
async function readBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    request.resume();
    throw new HttpProblem(413, `The body is ${declared} bytes; this service takes at most ${limit}.`, { Connection: 'close' });
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > limit) {
      request.resume();
      throw new HttpProblem(413, `The body is over ${limit} bytes, the most this service takes.`, { Connection: 'close' });
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** Events of a body: a JSON array, or NDJSON (one event a line; a bad line is a rejected event). */
export function parseEventsBody(text: string, contentType: string): { events: unknown[]; bad: Map<number, string> } {
  const bad = new Map<number, string>();
  const ndjson = /ndjson|jsonl|json-seq/i.test(contentType) || (!text.trimStart().startsWith('[') && text.trim() !== '');
  if (!ndjson) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      throw new HttpProblem(400, `The body is not JSON: ${(error as Error).message}`);
    }
    if (!Array.isArray(parsed)) throw new HttpProblem(400, 'The body must be a JSON array of events, or NDJSON (one event a line).');
    return { events: parsed, bad };
  }
  const events: unknown[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '') continue;
    try {
      events.push(JSON.parse(line));
    } catch (error) {
      bad.set(events.length, `event: not JSON (${(error as Error).message})`);
      events.push(undefined);
    }
  }
  return { events, bad };
}

export function createReportHandler(options: ReportHandlerOptions): ReportHandler {
  const base = (options.base ?? '/api').replace(/\/+$/, '');
  const grants = new Map((options.tokens ?? []).map((t) => [t.token, t]));
  const origins = new Set(options.cors ?? []);
  const maxBody = options.maxBodyBytes ?? 10 * 1024 * 1024;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const asOf = options.asOf;
  const now = (): number =>
    typeof asOf === 'function' ? asOf().getTime() : asOf === undefined ? Date.now() : new Date(asOf).getTime();
  let inFlight = 0;

  async function caller(request: IncomingMessage): Promise<{ account: string; role: string } | null> {
    if (options.authenticate) return options.authenticate(request);
    const token = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '')?.[1];
    const grant = token === undefined ? undefined : grants.get(token);
    return grant ? { account: grant.account, role: grant.role } : null;
  }

  /** CORS (CONTRACT 3: a host page on another origin): false for an origin the service refuses. */
  function cors(request: IncomingMessage, response: ServerResponse): boolean {
    const origin = request.headers.origin;
    if (!origin || origin === `http://${request.headers.host}` || origin === `https://${request.headers.host}`) return true;
    if (!origins.has(origin)) return false;
    response.setHeader('Access-Control-Allow-Origin', origin);
    response.setHeader('Access-Control-Allow-Credentials', 'true');
    response.setHeader('Vary', 'Origin');
    return true;
  }

  function send(request: IncomingMessage, response: ServerResponse, status: number, body: unknown, type = 'application/json'): number {
    // Indented for a person who opens the URL in a browser; compact for the elements.
    const readable = /text\/html/.test(request.headers.accept ?? '');
    const text = JSON.stringify(body, null, readable ? 2 : undefined);
    response.writeHead(status, { 'Content-Type': `${type}; charset=utf-8`, 'Cache-Control': 'no-store' });
    response.end(request.method === 'HEAD' ? undefined : text);
    return Buffer.byteLength(text);
  }

  function problem(request: IncomingMessage, response: ServerResponse, status: number, detail: string, field?: string, headers: Record<string, string> = {}): void {
    for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
    const body: Problem = { type: 'about:blank', title: TITLES[status] ?? 'Error', status, detail };
    if (field !== undefined) body.field = field;
    send(request, response, status, body, 'application/problem+json');
  }

  async function report(kind: Report, product: Product, account: string, params: URLSearchParams): Promise<unknown> {
    const at = now();
    switch (kind) {
      case 'usage':
        return options.store.usage(account, parseUsageQuery(product, params), at);
      case 'sessions':
        return options.store.sessions(account, parseSessionsQuery(product, params), at);
      case 'capacity':
        return options.store.capacity(account, parseCapacityQuery(product, params), at);
    }
  }

  async function serve(request: IncomingMessage, response: ServerResponse, url: URL, entry: AccessLogEntry): Promise<void> {
    if (!cors(request, response)) {
      throw new HttpProblem(403, `Origin ${request.headers.origin} may not call this service.`);
    }
    const path = url.pathname.slice(base.length);
    const reportMatch = /^\/([^/]+)\/(usage|sessions|capacity)$/.exec(path);
    const isEvents = path === '/events';
    if (!reportMatch && !isEvents) {
      throw new HttpProblem(404, `Nothing at ${url.pathname}: expected ${base}/{product}/usage, ${base}/{product}/sessions, ${base}/{product}/capacity or POST ${base}/events.`);
    }
    if (request.method === 'OPTIONS') {
      // A preflight (an Authorization header makes one): no credentials come with it.
      response.writeHead(204, {
        'Access-Control-Allow-Methods': isEvents ? 'POST' : 'GET',
        'Access-Control-Allow-Headers': 'Authorization, Accept, Content-Type',
        'Access-Control-Max-Age': '600',
      });
      response.end();
      entry.status = 204;
      return;
    }
    const allowed = isEvents ? ['POST'] : ['GET', 'HEAD'];
    if (!allowed.includes(request.method ?? '')) {
      throw new HttpProblem(405, `${request.method} is not supported here: ${isEvents ? 'events are POST' : 'the reports are GET'}.`, { Allow: allowed.join(', ') });
    }
    const who = await caller(request);
    if (!who) throw new HttpProblem(401, 'Sign in to see this report: send Authorization: Bearer <token>.', { 'WWW-Authenticate': 'Bearer' });
    entry.account = who.account;
    const role: Role = isEvents ? 'ingest' : 'account-admin';
    if (who.role !== role) {
      throw new HttpProblem(403, isEvents ? 'Sending events needs the ingest role.' : 'You need the Account Admin role to see this report.');
    }
    if (isEvents) {
      const body = await readBody(request, maxBody);
      entry.bytesIn = body.length;
      const { events, bad } = parseEventsBody(body.toString('utf8'), String(request.headers['content-type'] ?? ''));
      const answer = await options.store.ingest(who.account, events.map((e, i) => (bad.has(i) ? null : e)));
      // Lines that were not JSON are rejected with their own reason, in index order.
      const rejected = [
        ...answer.rejected.filter((r) => !bad.has(r.index)),
        ...[...bad].map(([index, detail]) => ({ index, detail })),
      ].sort((a, b) => a.index - b.index);
      entry.events = { accepted: answer.accepted, duplicates: answer.duplicates, rejected: rejected.length };
      send(request, response, 200, { accepted: answer.accepted, duplicates: answer.duplicates, rejected });
      entry.status = 200;
      return;
    }
    const [, productName, kind] = reportMatch as RegExpExecArray;
    if (!(PRODUCTS as readonly string[]).includes(productName)) {
      throw new HttpProblem(404, `Unknown product ${JSON.stringify(productName)}: expected ${PRODUCTS.join(' or ')}.`);
    }
    const body = await report(kind as Report, productName as Product, who.account, url.searchParams);
    send(request, response, 200, body);
    entry.status = 200;
  }

  const handler = (request: IncomingMessage, response: ServerResponse, next?: (error?: unknown) => void): void => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname !== base && !url.pathname.startsWith(`${base}/`)) {
      if (next) next();
      else problem(request, response, 404, `Nothing at ${url.pathname}.`);
      return;
    }
    const started = performance.now();
    const entry: AccessLogEntry = {
      time: new Date().toISOString(),
      method: request.method ?? '',
      path: url.pathname,
      status: 0,
      ms: 0,
      account: null,
      bytesIn: 0,
    };
    inFlight++;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new HttpProblem(503, `The request took longer than ${timeoutMs} ms.`)), timeoutMs);
    });
    Promise.race([serve(request, response, url, entry), timeout])
      .catch((error: unknown) => {
        if (response.headersSent) return;
        if (error instanceof HttpProblem) {
          entry.status = error.status;
          problem(request, response, error.status, error.message, error.field, error.headers);
        } else if (isContractError(error)) {
          entry.status = 400;
          problem(request, response, 400, error.message, error.field);
        } else {
          entry.status = 500;
          entry.error = error instanceof Error ? error.message : String(error);
          problem(request, response, 500, 'The report service failed; the error is in its log.');
        }
      })
      .finally(() => {
        clearTimeout(timer);
        inFlight--;
        entry.ms = Math.round((performance.now() - started) * 10) / 10;
        options.log?.(entry);
      });
  };
  Object.defineProperty(handler, 'inFlight', { get: () => inFlight });
  return handler as ReportHandler;
}

/**
 * Fastify: `app.all('/api/*', fastifyRoute(handler))`. The handler answers on the raw Node
 * objects (Fastify must not parse the body of the events endpoint: register the route before any
 * body parser, or give it `{ config: { rawBody: true } }` in your setup).
 */
export function fastifyRoute(handler: ReportHandler) {
  return (request: { raw: IncomingMessage }, reply: { raw: ServerResponse; hijack(): void }): void => {
    reply.hijack();
    handler(request.raw, reply.raw);
  };
}
