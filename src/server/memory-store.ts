/**
 * The memory store: core over an in-memory dataset per account, for tests and tiny setups. Events
 * change the account's records; the next report builds a new dataset object from them (core
 * caches its index per dataset object).
 */
import { computeCapacity, computeUsage, querySessions } from '../core/index.js';
import { formatUtc } from '../core/tz.js';
import type { Dataset, Organization, Product } from '../core/types.js';
import {
  allocationRecord,
  datasetEvents,
  denialRecord,
  planEvents,
  sessionRecord,
  type AllocationRow,
  type DenialRow,
  type EventsAnswer,
  type StartRow,
} from './events.js';
import type { Store } from './store.js';

interface Account {
  organizations: Organization[];
  sessions: Map<string, { row: StartRow; ended: number | null }>;
  pendingEnds: Map<string, number>;
  denials: Map<string, DenialRow>;
  allocations: Map<string, AllocationRow>;
  dataset: Dataset | null;
  /** A dataset the account started with, not read into the records yet. */
  seed?: Dataset;
}

const key = (product: Product, id: string): string => `${product}\u0000${id}`;

export class MemoryStore implements Store {
  readonly kind = 'memory' as const;
  private accounts = new Map<string, Account>();

  /**
   * `datasets`: accounts to start with, each served as it is (the same object core is handed, so
   * its answers are core's over it). The first event sent to such an account reads the dataset's
   * records in first, as loading it would.
   */
  constructor(datasets: Record<string, Dataset> = {}) {
    for (const [name, dataset] of Object.entries(datasets)) {
      const account = this.account(name);
      account.dataset = dataset;
      account.seed = dataset;
    }
  }

  private account(name: string): Account {
    let account = this.accounts.get(name);
    if (!account) {
      account = { organizations: [], sessions: new Map(), pendingEnds: new Map(), denials: new Map(), allocations: new Map(), dataset: null };
      this.accounts.set(name, account);
    }
    return account;
  }

  async hasData(name: string): Promise<boolean> {
    const account = this.accounts.get(name);
    return !!account && (account.seed !== undefined || account.organizations.length > 0 || account.sessions.size > 0 || account.denials.size > 0 || account.allocations.size > 0 || account.pendingEnds.size > 0);
  }

  async dataset(name: string): Promise<Dataset> {
    const account = this.account(name);
    if (!account.dataset) {
      account.dataset = {
        organizations: account.organizations.map((o) => ({ ...o })),
        allocations: [...account.allocations.values()].map((a) => allocationRecord(a, formatUtc)),
        sessions: [...account.sessions.values()].map(({ row, ended }) => sessionRecord(row, ended, formatUtc)),
        denials: [...account.denials.values()].map((d) => denialRecord(d, formatUtc)),
      };
    }
    return account.dataset;
  }

  async usage(account: string, query: Parameters<Store['usage']>[1], now: number) {
    return computeUsage(await this.dataset(account), query, new Date(now));
  }

  async sessions(account: string, query: Parameters<Store['sessions']>[1], now: number) {
    return querySessions(await this.dataset(account), query, new Date(now));
  }

  async capacity(account: string, query: Parameters<Store['capacity']>[1], now: number) {
    return computeCapacity(await this.dataset(account), query, new Date(now));
  }

  async ingest(name: string, events: readonly unknown[]): Promise<EventsAnswer> {
    const account = this.account(name);
    if (account.seed) {
      const seed = account.seed;
      account.seed = undefined;
      await this.ingest(name, datasetEvents(seed));
    }
    const plan = planEvents(events, account.organizations);
    let accepted = plan.organizationChanges;
    let duplicates = plan.duplicates + plan.organizationDuplicates;
    account.organizations = plan.organizations;
    for (const row of plan.starts) {
      const k = key(row.product, row.sessionId);
      if (account.sessions.has(k)) {
        duplicates++;
        continue;
      }
      account.sessions.set(k, { row, ended: account.pendingEnds.get(k) ?? null });
      account.pendingEnds.delete(k);
      accepted++;
    }
    for (const row of plan.ends) {
      const k = key(row.product, row.sessionId);
      const session = account.sessions.get(k);
      if (session ? session.ended !== null : account.pendingEnds.has(k)) {
        duplicates++;
        continue;
      }
      if (session) session.ended = row.ended;
      else account.pendingEnds.set(k, row.ended);
      accepted++;
    }
    for (const row of plan.denials) {
      const k = key(row.product, row.requestId);
      if (account.denials.has(k)) duplicates++;
      else {
        account.denials.set(k, row);
        accepted++;
      }
    }
    for (const row of plan.allocations) {
      const k = `${key(row.product, row.organizationId === null ? '' : `=${row.organizationId}`)}\u0000${row.effectiveFrom}`;
      if (account.allocations.has(k)) duplicates++;
      else {
        account.allocations.set(k, row);
        accepted++;
      }
    }
    if (accepted > 0) account.dataset = null;
    return { accepted, duplicates, rejected: plan.rejected };
  }

  async close(): Promise<void> {
    this.accounts.clear();
  }
}
