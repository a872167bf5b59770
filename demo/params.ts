/**
 * The demo's URL parameters: the dataset (`seed`, `sessions`, `days`) and the mock's initial state
 * (`failure`, `delay`), so a link can show a given state to someone else.
 */
import { MOCK_FAILURES, type MockFailure } from '../src/mock/index.js';

export interface DemoParams {
  seed: string;
  sessions: number;
  days: number;
  failure: MockFailure | null;
  delayMs: number;
}

export const MAX_SESSIONS = 2_000_000;

function whole(text: string | null, fallback: number, min: number, max: number): number {
  const n = text === null ? NaN : Number(text);
  return Number.isInteger(n) ? Math.min(max, Math.max(min, n)) : fallback;
}

export function readParams(search: string): DemoParams {
  const params = new URLSearchParams(search);
  const failure = params.get('failure');
  return {
    seed: params.get('seed') || '1',
    sessions: whole(params.get('sessions'), 20_000, 0, MAX_SESSIONS),
    days: whole(params.get('days'), 90, 1, 730),
    failure: (MOCK_FAILURES as readonly string[]).includes(failure ?? '') ? (failure as MockFailure) : null,
    delayMs: whole(params.get('delay'), 0, 0, 600_000),
  };
}

/** Writes the mock's state back to the address bar (without reloading). */
export function writeMockParams(failure: MockFailure | null, delayMs: number): void {
  const url = new URL(location.href);
  if (failure) url.searchParams.set('failure', failure);
  else url.searchParams.delete('failure');
  if (delayMs > 0) url.searchParams.set('delay', String(delayMs));
  else url.searchParams.delete('delay');
  history.replaceState(null, '', url);
}
