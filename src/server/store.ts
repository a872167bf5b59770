/**
 * The one interface every store answers through (CONTRACT 7): the reports of 3.1, 3.2 and 3.4 for
 * one account, exactly as core computes them over that account's data, and the events of 3.5.
 */
import type {
  CapacityQuery,
  CapacityResponse,
  Dataset,
  SessionsQuery,
  SessionsResponse,
  UsageQuery,
  UsageResponse,
} from '../core/types.js';
import type { EventsAnswer } from './events.js';

export type StoreKind = 'memory' | 'pglite' | 'postgres';

export interface Store {
  readonly kind: StoreKind;
  /** CONTRACT 3.1. `now` is the service's now (epoch ms). Throws a ContractError for a bad query. */
  usage(account: string, query: UsageQuery, now: number): Promise<UsageResponse>;
  /** CONTRACT 3.2. */
  sessions(account: string, query: SessionsQuery, now: number): Promise<SessionsResponse>;
  /** CONTRACT 3.4. */
  capacity(account: string, query: CapacityQuery, now: number): Promise<CapacityResponse>;
  /** CONTRACT 3.5: stores the good events of one body; durable when the promise resolves. */
  ingest(account: string, events: readonly unknown[]): Promise<EventsAnswer>;
  /** Whether the account holds any record. */
  hasData(account: string): Promise<boolean>;
  /** The account's data as a CONTRACT 5 dataset (what core answers over). */
  dataset(account: string): Promise<Dataset>;
  close(): Promise<void>;
}

/** An account with no data answers as core does over this. */
export const EMPTY_DATASET: Dataset = Object.freeze({ organizations: [], allocations: [], sessions: [] }) as Dataset;
