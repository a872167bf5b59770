/**
 * The organization tree of the generated account: "Acme Corp" with three levels below it, teams in
 * several time zones, and a few teams that hold license pools of their own.
 */
import type { Organization } from '../core/types.js';
import { HOSTILE_ORG_NAMES } from './hostile.js';

/** The account's name; also the license source of the account-wide pool. */
export const ACCOUNT_NAME = 'Acme Corp';
export const ROOT_ID = 'org-root';

export interface OrgPlan extends Organization {
  /** IANA zone where most of its people work. */
  zone: string;
  /** Relative headcount. */
  weight: number;
}

export const ORG_PLAN: readonly OrgPlan[] = [
  { id: ROOT_ID, name: ACCOUNT_NAME, parentId: null, zone: 'America/New_York', weight: 1 },
  { id: 'org-eng', name: 'Engineering', parentId: ROOT_ID, zone: 'Europe/Berlin', weight: 2 },
  { id: 'org-qa', name: 'QA Europe', parentId: 'org-eng', zone: 'Europe/Berlin', weight: 6 },
  { id: 'org-qa-berlin', name: HOSTILE_ORG_NAMES.quotes, parentId: 'org-qa', zone: 'Europe/Berlin', weight: 7 },
  { id: 'org-qa-pune', name: HOSTILE_ORG_NAMES.arabic, parentId: 'org-qa', zone: 'Asia/Kolkata', weight: 8 },
  { id: 'org-qa-london', name: 'QA London', parentId: 'org-qa', zone: 'Europe/London', weight: 4 },
  { id: 'org-platform', name: 'Platform', parentId: 'org-eng', zone: 'Europe/Berlin', weight: 3 },
  { id: 'org-platform-ci', name: 'CI Infrastructure', parentId: 'org-platform', zone: 'UTC', weight: 1 },
  { id: 'org-mobile', name: HOSTILE_ORG_NAMES.comma, parentId: 'org-eng', zone: 'America/Los_Angeles', weight: 4 },
  { id: 'org-mobile-ios', name: HOSTILE_ORG_NAMES.emoji, parentId: 'org-mobile', zone: 'America/Los_Angeles', weight: 4 },
  { id: 'org-mobile-android', name: 'Android', parentId: 'org-mobile', zone: 'Asia/Kolkata', weight: 5 },
  { id: 'org-ops', name: 'Operations', parentId: ROOT_ID, zone: 'America/New_York', weight: 2 },
  { id: 'org-ops-sre', name: 'SRE', parentId: 'org-ops', zone: 'America/New_York', weight: 3 },
  { id: 'org-ops-it', name: HOSTILE_ORG_NAMES.html, parentId: 'org-ops', zone: 'America/New_York', weight: 2 },
  { id: 'org-partners', name: 'Partners', parentId: ROOT_ID, zone: 'America/New_York', weight: 1 },
  { id: 'org-partners-nyc', name: 'NYC Contractors', parentId: 'org-partners', zone: 'America/New_York', weight: 4 },
  { id: 'org-partners-tlv', name: HOSTILE_ORG_NAMES.hebrew, parentId: 'org-partners-nyc', zone: 'Asia/Jerusalem', weight: 3 },
  { id: 'org-partners-tokyo', name: 'Tokyo Lab', parentId: 'org-partners', zone: 'Asia/Tokyo', weight: 3 },
];

/** Index of the organization holding the CI pipelines (their bots live there). */
export const CI_ORG_ID = 'org-platform-ci';

/** The organizations as the dataset lists them (plain contract records). */
export function organizations(): Organization[] {
  return ORG_PLAN.map(({ id, name, parentId }) => ({ id, name, parentId }));
}

/** 1 for the organization `id` and its descendants, by index into ORG_PLAN. */
export function subtreeMask(id: string): Uint8Array {
  const mask = new Uint8Array(ORG_PLAN.length);
  ORG_PLAN.forEach((org, i) => {
    for (let at: OrgPlan | undefined = org; at; at = ORG_PLAN.find((p) => p.id === at?.parentId)) {
      if (at.id === id) mask[i] = 1;
    }
  });
  return mask;
}
