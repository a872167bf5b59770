/**
 * RFC 9457 problem responses (`application/problem+json`), as CONTRACT 3.3 asks.
 */
import { HttpResponse } from 'msw';
import { ContractError } from '../core/errors.js';
import type { Problem } from '../core/types.js';

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  500: 'Internal Server Error',
};

export function problemResponse(status: number, detail: string, field?: string): HttpResponse<string> {
  const body: Problem = { type: 'about:blank', title: TITLES[status] ?? 'Error', status, detail };
  if (field !== undefined) body.field = field;
  return new HttpResponse(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/problem+json' },
  });
}

/** 400 for a ContractError (its message names the field), 500 for anything else. */
export function errorResponse(error: unknown): HttpResponse<string> {
  if (isContractError(error)) return problemResponse(400, error.message, error.field);
  const message = error instanceof Error ? error.message : String(error);
  return problemResponse(500, `The mock service failed: ${message}`);
}

/** By shape too, in case two copies of core meet in one bundle. */
function isContractError(error: unknown): error is ContractError {
  return (
    error instanceof ContractError ||
    (error instanceof Error && error.name === 'ContractError' && typeof (error as ContractError).field === 'string')
  );
}
