/**
 * The answers of the control's failure modes (see MockFailure).
 */
import { HttpResponse } from 'msw';
import type { CapacityResponse, SessionsResponse, UsageResponse } from '../core/types.js';
import type { MockControl, MockEndpoint, MockFailure } from './control.js';
import { problemResponse } from './problem.js';

/** The answer for a failure that needs no report body, or null for `contract-violation`. */
export async function failureResponse(failure: MockFailure, request: Request, control: MockControl): Promise<Response | null> {
  switch (failure) {
    case 'status-500':
      return problemResponse(500, 'The report service failed (simulated by the mock).');
    case 'status-401':
      return problemResponse(401, 'Sign in to see this report (simulated by the mock).');
    case 'status-403':
      return problemResponse(403, 'You need the Account Admin role to see this report (simulated by the mock).');
    case 'status-400':
      return problemResponse(400, 'from: the report service rejected this date (simulated by the mock).', 'from');
    case 'network':
      return HttpResponse.error();
    case 'malformed-json':
      return new HttpResponse('{"asOf": "2026-10-31T10:15:00Z", "buckets": [{"start": ', {
        status: 200,
        headers: { 'Content-Type': 'application/json' },
      });
    case 'timeout':
      await control.hang(request.signal);
      return HttpResponse.error();
    case 'contract-violation':
      return null;
  }
}

/**
 * A body that parses but breaks the contract the way a drifting API version would: usage buckets
 * carry `maxConcurrent` instead of `peak` and the summary lacks `peak`; sessions carry `total` as
 * text and `startedAt` instead of `started`; capacity carries `coverage` as a list and no `byHour`.
 */
export function violateContract(endpoint: MockEndpoint, body: UsageResponse | SessionsResponse | CapacityResponse): unknown {
  if (endpoint === 'capacity') {
    const { byHour: _byHour, coverage, ...capacity } = body as CapacityResponse;
    return { ...capacity, coverage: Object.values(coverage) };
  }
  if (endpoint === 'usage') {
    const usage = body as UsageResponse;
    const { peak: _peak, ...summary } = usage.summary;
    return {
      ...usage,
      summary,
      buckets: usage.buckets.map(({ peak, ...bucket }) => ({ ...bucket, maxConcurrent: peak })),
    };
  }
  const sessions = body as SessionsResponse;
  return {
    ...sessions,
    total: String(sessions.total),
    items: sessions.items.map(({ started, ...item }) => ({ ...item, startedAt: started })),
  };
}
