/**
 * Fetching a report (CONTRACT 3.3): every failure becomes a ReportError of a kind the elements
 * know how to show. An abort by a newer request is re-thrown as is, so it is never shown.
 */
import { str } from './strings.js';

export type ReportErrorKind = 'unauthorized' | 'forbidden' | 'bad-request' | 'http' | 'network' | 'timeout' | 'contract' | 'cancelled';

export class ReportError extends Error {
  override readonly name = 'ReportError';
  readonly kind: ReportErrorKind;
  readonly status: number | undefined;
  /** The server's problem `detail`, or what was wrong with the response. */
  readonly detail: string | undefined;

  constructor(kind: ReportErrorKind, message: string, { status, detail }: { status?: number; detail?: string } = {}) {
    super(message);
    this.kind = kind;
    this.status = status;
    this.detail = detail;
  }

  /** Whether trying again may help (everything but a missing sign-in or role, or a rejected query). */
  get retryable(): boolean {
    return this.kind !== 'unauthorized' && this.kind !== 'forbidden' && this.kind !== 'bad-request';
  }

  /** Whether the user may not see the report at all (401, 403): the filters cannot help either. */
  get denied(): boolean {
    return this.kind === 'unauthorized' || this.kind === 'forbidden';
  }
}

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export const DEFAULT_TIMEOUT_MS = 30_000;

interface ProblemBody {
  title?: unknown;
  detail?: unknown;
}

async function readProblem(response: Response): Promise<ProblemBody> {
  try {
    const type = response.headers.get('content-type') ?? '';
    if (!/json/i.test(type)) return {};
    const body: unknown = await response.json();
    return body && typeof body === 'object' ? (body as ProblemBody) : {};
  } catch {
    return {};
  }
}

function clip(text: string, max = 300): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Turns a failed response into the error the elements show. */
export async function errorFromResponse(response: Response): Promise<ReportError> {
  const problem = await readProblem(response);
  const status = response.status;
  const detail = typeof problem.detail === 'string' ? clip(problem.detail) : typeof problem.title === 'string' ? clip(problem.title) : undefined;
  // CONTRACT 3.3: 401 is "sign in", 403 is "you need the Account Admin role".
  if (status === 401) return new ReportError('unauthorized', str('unauthorized'), { status, detail });
  if (status === 403) return new ReportError('forbidden', str('forbidden'), { status, detail });
  if (status === 400) {
    return new ReportError('bad-request', str('badRequest', { detail: detail ?? `HTTP ${status}` }), { status, detail });
  }
  return new ReportError('http', str('httpError', { status }) + (detail ? ` ${detail}` : ''), { status, detail });
}

export interface RequestJsonOptions {
  fetch?: FetchLike;
  signal: AbortSignal;
  timeoutMs?: number;
}

/**
 * GETs `url` as JSON. Rejects with a ReportError, or with the AbortError of `signal` when the
 * caller aborted (a newer request won).
 */
export async function requestJson(url: string, { fetch: fetchImpl, signal, timeoutMs = DEFAULT_TIMEOUT_MS }: RequestJsonOptions): Promise<unknown> {
  const timeout = AbortSignal.timeout(timeoutMs);
  const both = AbortSignal.any([signal, timeout]);
  /** Aborted by a newer request (its AbortError is never shown), else a ReportError. */
  const failure = (cause: unknown) =>
    signal.aborted
      ? (signal.reason ?? cause)
      : timeout.aborted
        ? new ReportError('timeout', str('timeoutError', { seconds: Math.round(timeoutMs / 1000) }))
        : cause instanceof ReportError
          ? cause
          : new ReportError('network', str('networkError'), { detail: cause instanceof Error ? cause.message : String(cause) });
  let response: Response;
  try {
    response = await (fetchImpl ?? fetch)(url, { method: 'GET', headers: { Accept: 'application/json' }, credentials: 'same-origin', signal: both });
  } catch (cause) {
    throw failure(cause);
  }
  if (!response.ok) throw await errorFromResponse(response);
  try {
    return await response.json();
  } catch (cause) {
    if (both.aborted) throw failure(cause);
    throw new ReportError('contract', str('contractError'), { detail: str('invalidJson') });
  }
}

/** A body that breaks the contract: names the path and what was wrong. */
export function contractViolation(path: string, expected: string, got: unknown): ReportError {
  let shown: string;
  try {
    shown = JSON.stringify(got) ?? String(got);
  } catch {
    shown = String(got);
  }
  const detail = `${path} should be ${expected}, got ${clip(shown, 60)}`;
  return new ReportError('contract', str('contractError'), { detail });
}
