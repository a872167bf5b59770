/**
 * The people of the generated account: a few hundred users with names, emails, home
 * organizations, time zones and machines, a handful of CI bots, a service account without an
 * organization, and the hostile users. User objects are shared by all their sessions.
 */
import type { SessionUser } from '../core/types.js';
import { HOSTILE_PEOPLE } from './hostile.js';
import { CI_ORG_ID, ORG_PLAN } from './organizations.js';
import type { Random } from './random.js';
import type { ZoneCalendar } from './zones.js';

export interface Person {
  user: SessionUser;
  /** Index into ORG_PLAN, -1 for no organization. */
  org: number;
  /** Index into the calendar's zones. */
  zone: number;
  machines: string[];
  /** Relative activity. */
  weight: number;
}

export interface People {
  /** People who work interactively, with a cumulative weight table for weighted picks. */
  humans: Person[];
  cumulative: Float64Array;
  /** CI bots: they run in bursts on shared agents. */
  bots: Person[];
  hostile: Person[];
}

const FIRST = [
  'Ada', 'Alan', 'Grace', 'Linus', 'Margaret', 'Dennis', 'Barbara', 'Ken', 'Radia', 'Tim', 'Frances',
  'Guido', 'Anita', 'Bjarne', 'Hedy', 'Yukihiro', 'Sophie', 'Lukas', 'Mia', 'Jonas', 'Priya', 'Arjun',
  'Ananya', 'Rahul', 'Wei', 'Mei', 'Hiroshi', 'Yuki', 'Noa', 'Itai', 'Fatima', 'Omar', 'Chloé', 'José',
  'Zoë', 'Søren', 'Łukasz', 'Aoife', 'Nguyễn', 'Olusegun', 'Amara', 'Emma', 'Liam', 'Olivia', 'Noah',
];
const LAST = [
  'Lovelace', 'Turing', 'Hopper', 'Torvalds', 'Hamilton', 'Ritchie', 'Liskov', 'Thompson', 'Perlman',
  'Berners-Lee', 'Allen', 'van Rossum', 'Borg', 'Stroustrup', 'Lamarr', 'Matsumoto', 'Müller', 'Schmidt',
  'Schneider', 'Fischer', 'Sharma', 'Patel', 'Iyer', 'Reddy', 'Zhang', 'Li', 'Tanaka', 'Suzuki', 'Levi',
  'Mizrahi', 'Haddad', 'Khalil', 'García', 'Fernández', "O'Brien", 'Kowalski', 'Nielsen', 'Ó Súilleabháin',
  'Tran', 'Adeyemi', 'Okafor', 'Smith', 'Johnson', 'Brown', 'Williams',
];
const FOLD: Record<string, string> = { ø: 'o', ł: 'l', ß: 'ss', æ: 'ae', đ: 'd' };
const OTHER_ZONES = ['Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'America/Los_Angeles', 'Europe/London'];
const BOTS = [
  ['Jenkins Nightly', 'jenkins-nightly@acme.example'],
  ['GitHub Actions', 'gha-bot@acme.example'],
  ['GitLab Runner', 'gitlab-runner@acme.example'],
  ['Azure Pipelines', 'azure-pipelines@acme.example'],
] as const;

function emailOf(name: string, taken: Set<string>): string {
  const local = name
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[øłßæđ]/g, (c) => FOLD[c] ?? c)
    .replace(/[^a-z ]/g, '')
    .trim()
    .replace(/ +/g, '.');
  let email = `${local}@acme.example`;
  for (let n = 2; taken.has(email); n++) email = `${local}${n}@acme.example`;
  taken.add(email);
  return email;
}

function machineIds(rng: Random, taken: Set<string>, count: number): string[] {
  const ids: string[] = [];
  while (ids.length < count) {
    const id = rng.chance(0.2)
      ? `${rng.pick(['WIN-QA', 'mac-mini', 'ubuntu-vm'])}-${String(rng.int(1000)).padStart(3, '0')}`
      : `m-${rng.int(0x10000).toString(16).padStart(4, '0')}`;
    if (!taken.has(id)) {
      taken.add(id);
      ids.push(id);
    }
  }
  return ids;
}

export function createPeople(rng: Random, count: number, calendar: ZoneCalendar): People {
  const emails = new Set<string>();
  const machines = new Set<string>();
  const orgWeights = ORG_PLAN.map((o) => (o.id === CI_ORG_ID ? 0.3 : o.weight));
  const orgTotal = orgWeights.reduce((a, b) => a + b, 0);
  const pickOrg = (): number => {
    let r = rng.next() * orgTotal;
    for (let i = 0; i < orgWeights.length; i++) if ((r -= orgWeights[i]) < 0) return i;
    return orgWeights.length - 1;
  };
  const humans: Person[] = [];
  for (let i = 0; i < count; i++) {
    const name = `${rng.pick(FIRST)} ${rng.pick(LAST)}`;
    const org = pickOrg();
    const zone = rng.chance(0.15) ? rng.pick(OTHER_ZONES) : ORG_PLAN[org].zone;
    humans.push({
      user: { name, email: emailOf(name, emails) },
      org,
      zone: calendar.indexOf(zone),
      machines: machineIds(rng, machines, 1 + rng.int(3)),
      weight: Math.exp(0.7 * rng.normal()),
    });
  }
  const hostile = HOSTILE_PEOPLE.map((h, i): Person => {
    const org = (i * 5 + 1) % ORG_PLAN.length;
    return {
      user: { name: h.name, email: h.email },
      org,
      zone: calendar.indexOf(ORG_PLAN[org].zone),
      machines: [h.machineId],
      weight: 1,
    };
  });
  const service: Person = {
    user: { name: 'API Service Account', email: 'api-service@acme.example' },
    org: -1,
    zone: calendar.indexOf('UTC'),
    machines: ['svc-runner-01'],
    weight: 0.5,
  };
  const all = [...humans, ...hostile, service];
  const cumulative = new Float64Array(all.length);
  let sum = 0;
  all.forEach((p, i) => (cumulative[i] = sum += p.weight));
  const ciOrg = ORG_PLAN.findIndex((o) => o.id === CI_ORG_ID);
  const agents = Array.from({ length: 24 }, (_, i) => `ci-agent-${String(i + 1).padStart(2, '0')}`);
  const bots = BOTS.map(([name, email]): Person => ({
    user: { name, email },
    org: ciOrg,
    zone: calendar.indexOf('UTC'),
    machines: agents,
    weight: 1,
  }));
  return { humans: all, cumulative, bots, hostile };
}

/** Weighted pick from the cumulative table (binary search). */
export function pickPerson(people: People, r: number): Person {
  const table = people.cumulative;
  const target = r * table[table.length - 1];
  let lo = 0;
  let hi = table.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (table[mid] > target) hi = mid;
    else lo = mid + 1;
  }
  return people.humans[lo];
}

/** Every zone the plan and the people use. */
export function plannedZones(): string[] {
  return [...new Set(['UTC', ...ORG_PLAN.map((o) => o.zone), ...OTHER_ZONES])];
}
