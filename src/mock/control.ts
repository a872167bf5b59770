/**
 * The mock's control panel: make it slow or make it fail (for stories, the demo and tests), and a
 * log of the requests it answered, so a test can assert the parameters an element sent.
 */

export const MOCK_FAILURES = [
  'status-500',
  'status-401',
  'status-403',
  'status-400',
  'network',
  'malformed-json',
  'contract-violation',
  'timeout',
] as const;

/**
 * - `status-*`: that status with a problem+json body;
 * - `network`: a network error (the fetch rejects);
 * - `malformed-json`: 200 `application/json` with a truncated body;
 * - `contract-violation`: 200 JSON that parses but breaks the contract (renamed and mistyped fields);
 * - `timeout`: never answers; the request hangs until the client aborts it, or until the control
 *   changes (in a Service Worker the client's abort does not reach the handler, and a request left
 *   hanging there would block `worker.stop()`).
 */
export type MockFailure = (typeof MOCK_FAILURES)[number];
export const MOCK_ENDPOINTS = ['usage', 'sessions', 'capacity'] as const;
export type MockEndpoint = (typeof MOCK_ENDPOINTS)[number];

export interface MockSettings {
  /** Delay before every answer, in ms. */
  delayMs: number;
  failure: MockFailure | null;
  /** Fail only the next N requests (then `failure` clears itself); null: until changed. */
  times: number | null;
  /** Apply delay and failure to one endpoint only; null: every endpoint. */
  only: MockEndpoint | null;
}

const DEFAULTS: MockSettings = { delayMs: 0, failure: null, times: null, only: null };

export class MockControl {
  /** Every request the handlers received, oldest first. */
  readonly requests: URL[] = [];
  private current: MockSettings;
  private readonly initial: MockSettings;
  private readonly listeners = new Set<(settings: Readonly<MockSettings>) => void>();
  private readonly hanging = new Set<() => void>();

  constructor(initial: Partial<MockSettings> = {}) {
    this.initial = checked({ ...DEFAULTS, ...initial });
    this.current = { ...this.initial };
  }

  get settings(): Readonly<MockSettings> {
    return { ...this.current };
  }

  /**
   * Changes some settings. Setting `failure` without `times` makes it last until changed.
   * @example control.set({ failure: 'status-500', times: 1, only: 'usage' })
   */
  set(settings: Partial<MockSettings>): void {
    const next = { ...this.current, ...settings };
    if ('failure' in settings && !('times' in settings)) next.times = null;
    this.current = checked(next);
    this.release();
    this.notify();
  }

  /** Back to the settings the service was created with; empties the request log. */
  reset(): void {
    this.current = { ...this.initial };
    this.requests.length = 0;
    this.release();
    this.notify();
  }

  /** Resolves when `signal` aborts or the settings change, whichever comes first. */
  hang(signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        this.hanging.delete(done);
        signal.removeEventListener('abort', done);
        resolve();
      };
      if (signal.aborted) return resolve();
      this.hanging.add(done);
      signal.addEventListener('abort', done, { once: true });
    });
  }

  /** Calls `listener` after every change (the demo's panel uses it); returns an unsubscribe. */
  subscribe(listener: (settings: Readonly<MockSettings>) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Logs a request and decides how to treat it; a limited failure counts down here. */
  take(url: URL, endpoint: MockEndpoint): { delayMs: number; failure: MockFailure | null } {
    this.requests.push(url);
    const s = this.current;
    if (s.only !== null && s.only !== endpoint) return { delayMs: 0, failure: null };
    const failure = s.failure;
    if (failure !== null && s.times !== null) {
      const times = s.times - 1;
      this.current = times > 0 ? { ...s, times } : { ...s, failure: null, times: null };
      this.notify();
    }
    return { delayMs: s.delayMs, failure };
  }

  private release(): void {
    for (const done of [...this.hanging]) done();
  }

  private notify(): void {
    for (const listener of this.listeners) listener(this.settings);
  }
}

function checked(s: MockSettings): MockSettings {
  if (!(Number.isFinite(s.delayMs) && s.delayMs >= 0)) throw new TypeError(`delayMs: expected a number >= 0, got ${s.delayMs}`);
  if (s.failure !== null && !MOCK_FAILURES.includes(s.failure)) throw new TypeError(`failure: unknown mode ${String(s.failure)}`);
  if (s.times !== null && !(Number.isInteger(s.times) && s.times > 0)) throw new TypeError(`times: expected a whole number > 0, got ${s.times}`);
  if (s.only !== null && !MOCK_ENDPOINTS.includes(s.only)) {
    throw new TypeError(`only: expected one of ${MOCK_ENDPOINTS.join(', ')}, got ${String(s.only)}`);
  }
  return s;
}
