/** Small hand-made datasets for the exact-number tests of the contract. */
import type { Allocation, Dataset, DenialRecord, Organization, Product, SessionRecord } from '../../src/core/index.js';

export const ORGS: Organization[] = [
  { id: 'root', name: 'Acme Corp', parentId: null },
  { id: 'qa', name: 'QA Europe', parentId: 'root' },
  { id: 'qa-berlin', name: 'QA Berlin', parentId: 'qa' },
  { id: 'dev', name: 'Development', parentId: 'root' },
];

let counter = 0;

export function session(
  started: string,
  ended: string | null,
  extra: Partial<SessionRecord> = {},
): SessionRecord {
  counter += 1;
  const id = extra.sessionId ?? `s-${String(counter).padStart(4, '0')}`;
  return {
    sessionId: id,
    product: 'kre' as Product,
    user: { name: `User ${id}`, email: `${id}@example.com` },
    machineId: `m-${id}`,
    licenseSource: 'Acme Corp',
    organizationId: 'qa',
    licenseType: 'KRE Session',
    started,
    ended,
    ...extra,
  };
}

export function allocation(effectiveFrom: string, sessions: number, organizationId: string | null = null, product: Product = 'kre'): Allocation {
  return { product, organizationId, effectiveFrom, sessions };
}

export function dataset(sessions: SessionRecord[], allocations: Allocation[] = [allocation('2020-01-01T00:00:00Z', 20)]): Dataset {
  return { organizations: ORGS, allocations, sessions };
}

/** A time far after every fixture: nothing is clipped at asOf. */
export const LATER = '2030-01-01T00:00:00Z';

let denialCounter = 0;

export function denial(at: string, extra: Partial<DenialRecord> = {}): DenialRecord {
  denialCounter += 1;
  const id = extra.requestId ?? `r-${String(denialCounter).padStart(4, '0')}`;
  return {
    requestId: id,
    product: 'kre' as Product,
    at,
    user: { name: `User ${id}`, email: `${id}@example.com` },
    machineId: `m-${id}`,
    licenseSource: 'Acme Corp',
    organizationId: 'qa',
    ...extra,
  };
}
