/**
 * The report queries of the SQL stores: one query per report, a named CTE for each step of
 * CONTRACT 4, each with a comment naming the rule it implements. They return small JSON values
 * (per bucket, per level, per page row); what is left to Node is formatting instants and dividing
 * sums by counts, exactly as core does (see ./sql-store.ts).
 *
 * Parameters shared by every query: $1 account, $2 product, $3 time zone.
 */

/** CONTRACT 4, "Organization filter": each chosen organization ($n) and all its descendants. */
const matchedOrgs = (ids: string): string => /* sql */ `
matched_orgs AS (
  SELECT o.id FROM kre_organizations o WHERE o.account = $1 AND o.id = ANY (${ids}::text[])
  UNION
  SELECT c.id FROM kre_organizations c JOIN matched_orgs m ON c.account = $1 AND c.parent_id = m.id
)`;

/**
 * CONTRACT 4, "Organization filter", for available and capacityChanges: the scopes of the matched
 * organizations and of the chosen ones' ancestors (the account-wide scope is added where used).
 */
const scopeOrgs = (ids: string): string => /* sql */ `
ancestors AS (
  SELECT o.parent_id AS id FROM kre_organizations o
  WHERE o.account = $1 AND o.id = ANY (${ids}::text[]) AND o.parent_id IS NOT NULL
  UNION
  SELECT p.parent_id FROM kre_organizations p JOIN ancestors a ON p.account = $1 AND p.id = a.id
  WHERE p.parent_id IS NOT NULL
),
scopes AS (SELECT id FROM matched_orgs UNION SELECT id FROM ancestors)`;

/**
 * CONTRACT 4, "Buckets": the range [from 00:00, to+1 00:00) local time, clipped at asOf. Computed
 * once (MATERIALIZED), so a scan compares `started` with two constants, not with two calls a row.
 */
const range = (from: string, to: string, asOf: string): string => /* sql */ `
range AS MATERIALIZED (
  SELECT kre_local_midnight(${from}::date, $3) AS start,
         least(kre_local_midnight(${to}::date + 1, $3), ${asOf}::timestamptz) AS stop
)`;

/**
 * CONTRACT 4: the spans [started, ended) of the matching sessions that meet the range (a session
 * never active has an empty span and meets nothing), and the changes of c(t) they make: +1 where a
 * span starts (a span running at the range start counts there), -1 where it ends inside the range.
 */
const spansAndChanges = (orgFilter: string): string => /* sql */ `
spans AS (
  SELECT s.started, s.ended FROM kre_sessions s, range r
  WHERE s.account = $1 AND s.product = $2
    AND kre_span(s.started, s.ended) && tstzrange(r.start, greatest(r.start, r.stop))
    AND (${orgFilter}::text[] IS NULL OR s.organization_id IN (SELECT id FROM matched_orgs))
),
changes AS (
  SELECT greatest(s.started, r.start) AS t, 1 AS delta FROM spans s, range r
  UNION ALL
  SELECT s.ended, -1 FROM spans s, range r WHERE s.ended < r.stop
)`;

/** The day grid of CONTRACT 4: the range start and the local midnights inside the range. */
const dayGrid = (from: string, to: string): string => /* sql */ `
midnights AS (
  SELECT x.d, kre_local_midnight(x.d, $3) AS t
  FROM generate_series(1, ${to}::date - ${from}::date + 1) AS k, LATERAL (SELECT ${from}::date + k AS d) x
),
day_grid AS (
  SELECT r.start AS t FROM range r WHERE r.start < r.stop
  UNION
  SELECT m.t FROM midnights m, range r WHERE m.t > r.start AND m.t < r.stop
),
days AS (
  SELECT t AS a, coalesce(lead(t) OVER (ORDER BY t), (SELECT stop FROM range)) AS z FROM day_grid
)`;

/**
 * A sweep over periods: the periods' starts and the changes of c(t) in time order; c(t) is the
 * sum of the changes at or before t (at one instant every end and start counts: back-to-back
 * sessions never overlap), and each row belongs to the period whose start is the last at or
 * before it.
 */
const sweep = (name: string, periods: string): string => /* sql */ `
${name} AS (
  SELECT x.t, x.p, sum(x.delta) OVER w AS c, count(x.p) OVER w AS n
  FROM (SELECT a AS t, p, 0 AS delta FROM ${periods} UNION ALL SELECT t, NULL, delta FROM changes) x
  WINDOW w AS (ORDER BY x.t RANGE UNBOUNDED PRECEDING)
)`;

/**
 * GET /{product}/usage. $4 from, $5 to, $6 interval, $7 asOf, $8 organization ids (NULL: all).
 */
export const USAGE_SQL = /* sql */ `
WITH RECURSIVE
${matchedOrgs('$8')},
${scopeOrgs('$8')},
${range('$4', '$5', '$7')},
${dayGrid('$4', '$5')},
-- CONTRACT 4, "Buckets": hours (60-minute spans from the range start), days (local midnight to
-- local midnight), ISO weeks (Monday 00:00), months (1st 00:00); the first and last clipped.
bucket_starts AS (
  SELECT t FROM day_grid WHERE $6 = 'day'
  UNION ALL
  SELECT r.start + k * interval '1 hour' FROM range r,
         generate_series(0, ceil(extract(epoch FROM r.stop - r.start) / 3600)::integer) k
  WHERE $6 = 'hour' AND r.start + k * interval '1 hour' < r.stop
  UNION ALL
  SELECT r.start FROM range r WHERE $6 IN ('week', 'month') AND r.start < r.stop
  UNION ALL
  SELECT m.t FROM midnights m, range r
  WHERE m.t > r.start AND m.t < r.stop
    AND (($6 = 'week' AND extract(isodow FROM m.d) = 1) OR ($6 = 'month' AND extract(day FROM m.d) = 1))
),
buckets AS (
  SELECT row_number() OVER (ORDER BY t) AS b, t AS a,
         coalesce(lead(t) OVER (ORDER BY t), (SELECT stop FROM range)) AS z
  FROM bucket_starts
),
-- CONTRACT 4, "averagePeak": the sub-periods of each bucket: an hour's minutes, a day's hours
-- (60-minute spans from its start), a week's or a month's days; each clipped to its bucket.
subs AS (
  SELECT b.b AS p, b.a + k * interval '1 minute' AS a FROM buckets b,
         generate_series(0, ceil(extract(epoch FROM b.z - b.a) / 60)::integer) k
  WHERE $6 = 'hour' AND b.a + k * interval '1 minute' < b.z
  UNION ALL
  SELECT b.b, b.a + k * interval '1 hour' FROM buckets b,
         generate_series(0, ceil(extract(epoch FROM b.z - b.a) / 3600)::integer) k
  WHERE $6 = 'day' AND b.a + k * interval '1 hour' < b.z
  UNION ALL
  SELECT b.b, d.a FROM buckets b JOIN days d ON d.a >= b.a AND d.a < b.z
  WHERE $6 IN ('week', 'month')
),
${spansAndChanges('$8')},
${sweep('sub_sweep', 'subs')},
-- CONTRACT 4, "peak" and "peakAt" of each sub-period: the max of c(t) over it and the first
-- instant it is reached.
sub_peaks AS (
  SELECT DISTINCT ON (n) n, max(p) OVER (PARTITION BY n) AS p, min(t) OVER (PARTITION BY n) AS a,
         c AS peak, t AS at
  FROM sub_sweep ORDER BY n, c DESC, t
),
-- A bucket's peak is its sub-periods' highest, reached first in its first sub-period that has it;
-- averagePeak is the sum of the sub-periods' peaks over their count (divided in Node, as core does).
bucket_peaks AS (
  SELECT DISTINCT ON (p) p AS b, peak, at, sum(peak) OVER (PARTITION BY p) AS peak_sum,
         count(*) OVER (PARTITION BY p) AS sub_count
  FROM sub_peaks ORDER BY p, peak DESC, n
),
-- CONTRACT 4, "summary.averageDailyPeak": the daily peaks of the whole clipped range (every
-- sub-period lies in one day: they are days, hours from a midnight, or minutes).
day_peaks AS (
  SELECT max(s.peak) AS peak FROM sub_peaks s JOIN days d ON s.a >= d.a AND s.a < d.z GROUP BY d.a
),
-- CONTRACT 4, "available": per scope the filter draws on (the account-wide one included), the
-- sessions of its latest allocation strictly before the bucket's clipped end, summed.
available AS (
  SELECT b.b, coalesce(sum(l.sessions), 0) AS n FROM buckets b
  LEFT JOIN LATERAL (
    SELECT DISTINCT ON (al.organization_id) al.sessions FROM kre_allocations al
    WHERE al.account = $1 AND al.product = $2 AND al.effective_from < b.z
      AND ($8::text[] IS NULL OR al.organization_id IS NULL OR al.organization_id IN (SELECT id FROM scopes))
    ORDER BY al.organization_id, al.effective_from DESC
  ) l ON true
  GROUP BY b.b
),
-- CONTRACT 4, "denied": the matching denials whose at lies in the clipped bucket.
denied AS (
  SELECT b.b, count(d.at) AS n FROM buckets b
  LEFT JOIN kre_denials d ON d.account = $1 AND d.product = $2 AND d.at >= b.a AND d.at < b.z
    AND ($8::text[] IS NULL OR d.organization_id IN (SELECT id FROM matched_orgs))
  GROUP BY b.b
),
-- CONTRACT 3.1, "capacityChanges": allocations of the scopes the filter draws on, inside the
-- clipped range, whose sessions differ from the scope's value just before.
scope_history AS (
  SELECT al.organization_id, al.effective_from, al.sessions AS after,
         lag(al.sessions, 1, 0) OVER (PARTITION BY al.organization_id ORDER BY al.effective_from) AS before
  FROM kre_allocations al
  WHERE al.account = $1 AND al.product = $2
    AND ($8::text[] IS NULL OR al.organization_id IS NULL OR al.organization_id IN (SELECT id FROM scopes))
),
capacity_changes AS (
  SELECT h.* FROM scope_history h, range r
  WHERE h.effective_from >= r.start AND h.effective_from < r.stop AND h.before <> h.after
)
SELECT
  (SELECT coalesce(json_agg(json_build_object(
            'start', kre_ms(b.a), 'end', kre_ms(b.z), 'peak', p.peak, 'peakAt', kre_ms(p.at),
            'peakSum', p.peak_sum, 'subCount', p.sub_count, 'available', av.n, 'denied', dn.n)
          ORDER BY b.b), '[]'::json)
   FROM buckets b JOIN bucket_peaks p USING (b) JOIN available av USING (b) JOIN denied dn USING (b)) AS buckets,
  (SELECT json_build_object('sum', coalesce(sum(peak), 0), 'count', count(*)) FROM day_peaks) AS days,
  (SELECT coalesce(json_agg(json_build_object(
            'at', kre_ms(effective_from), 'organizationId', organization_id, 'before', before, 'after', after)
          ORDER BY effective_from, organization_id NULLS FIRST), '[]'::json)
   FROM capacity_changes) AS changes,
  (SELECT coalesce(json_agg(json_build_object('id', id, 'name', name, 'parentId', parent_id) ORDER BY seq), '[]'::json)
   FROM kre_organizations WHERE account = $1) AS organizations
`;

/**
 * GET /{product}/capacity. $4 from, $5 to, $6 asOf, $7 organization ids (NULL: all), $8 licenses
 * (NULL: no replay).
 */
export const CAPACITY_SQL = /* sql */ `
WITH RECURSIVE
${matchedOrgs('$7')},
${scopeOrgs('$7')},
${range('$4', '$5', '$6')},
${spansAndChanges('$7')},
-- CONTRACT 4, "capacity", levels: c(t) after each instant where it changes (the range start
-- included), held until the next such instant or the range end.
steps AS (
  SELECT t, sum(sum(delta)) OVER (ORDER BY t) AS c
  FROM (SELECT t, delta FROM changes UNION ALL SELECT r.start, 0 FROM range r WHERE r.start < r.stop) x
  GROUP BY t
),
levels AS (
  SELECT c, sum(ms) AS ms FROM (
    SELECT c, kre_ms(coalesce(lead(t) OVER (ORDER BY t), (SELECT stop FROM range))) - kre_ms(t) AS ms FROM steps) x
  GROUP BY c
),
-- CONTRACT 4, "capacity", byHour: the range's hour buckets (60-minute spans from its start, no
-- 31-day limit) and their peaks, by the local weekday and hour each starts on.
hours AS (
  SELECT row_number() OVER (ORDER BY t) AS p, t AS a FROM (
    SELECT r.start + k * interval '1 hour' AS t FROM range r,
           generate_series(0, ceil(extract(epoch FROM r.stop - r.start) / 3600)::integer) k
    WHERE r.start + k * interval '1 hour' < r.stop) x
),
${sweep('hour_sweep', 'hours')},
hour_peaks AS (
  SELECT h.a, max(s.c) AS peak FROM hour_sweep s JOIN hours h ON h.p = s.n GROUP BY h.a
),
by_hour AS (
  SELECT extract(isodow FROM a AT TIME ZONE $3)::integer AS weekday, extract(hour FROM a AT TIME ZONE $3)::integer AS hour,
         max(peak) AS peak, sum(peak) AS peak_sum, count(*) AS n
  FROM hour_peaks GROUP BY 1, 2
),
-- CONTRACT 4, "available" at the clipped range's end, and "denied" inside it.
available AS (
  SELECT coalesce(sum(l.sessions), 0) AS n FROM range r
  LEFT JOIN LATERAL (
    SELECT DISTINCT ON (al.organization_id) al.sessions FROM kre_allocations al
    WHERE al.account = $1 AND al.product = $2 AND al.effective_from < r.stop
      AND ($7::text[] IS NULL OR al.organization_id IS NULL OR al.organization_id IN (SELECT id FROM scopes))
    ORDER BY al.organization_id, al.effective_from DESC
  ) l ON true
  WHERE r.start < r.stop
),
denied AS (
  SELECT count(*) AS n FROM kre_denials d, range r
  WHERE d.account = $1 AND d.product = $2 AND d.at >= r.start AND d.at < r.stop
    AND ($7::text[] IS NULL OR d.organization_id IN (SELECT id FROM matched_orgs))
)
SELECT
  (SELECT json_build_object('start', kre_ms(start), 'stop', kre_ms(stop)) FROM range) AS range,
  (SELECT coalesce(json_agg(json_build_object('c', c, 'ms', ms)), '[]'::json) FROM levels) AS levels,
  (SELECT coalesce(json_agg(json_build_object('weekday', weekday, 'hour', hour, 'peak', peak, 'sum', peak_sum, 'n', n)), '[]'::json)
   FROM by_hour) AS by_hour,
  (SELECT coalesce(sum(n), 0) FROM available)::bigint AS available,
  (SELECT n FROM denied)::bigint AS denied,
  (SELECT row_to_json(x) FROM range r, kre_replay($1, $2, CASE WHEN $7::text[] IS NULL THEN NULL ELSE ARRAY(SELECT id FROM matched_orgs) END,
                                                  r.start, r.stop, $6::timestamptz, $8::integer) x
   WHERE $8::integer IS NOT NULL AND r.start < r.stop) AS replay
`;

/** The sort of the sessions list: the expression(s) of each field, as core's compareText reads them. */
const SORT_KEYS: Record<string, string[]> = {
  user: ['m.user_key', 'm.user_name'],
  email: ['m.email_key', 'm.user_email'],
  sessionId: ['m.session_key', 'm.session_id'],
  machineId: ['m.machine_key', 'm.machine_id'],
  licenseSource: ['m.source_key', 'm.license_source'],
  organization: ["coalesce(o.sort_key, '')", "coalesce(o.sort_text, '')"],
  licenseType: ['m.type_key', 'm.license_type'],
  started: ['m.started'],
  // Running at the cut ($7): after every ended session.
  ended: ["CASE WHEN m.ended IS NULL OR m.ended > $7::timestamptz THEN 'infinity'::timestamptz ELSE m.ended END"],
  duration: ['(CASE WHEN m.ended IS NULL OR m.ended > $7::timestamptz THEN $7::timestamptz ELSE m.ended END) - m.started'],
};

/**
 * GET /{product}/sessions. $4 from, $5 to (NULL with activeAt), $6 activeAt (NULL: the date
 * range), $7 the cut (asOf or now), $8 organization ids, $9 license sources, $10 LIKE pattern of
 * the lower-cased search, $11 offset, $12 limit.
 */
export function sessionsSql(sort: string, order: 'asc' | 'desc', activeAt: boolean, pageOnly = false): string {
  const keys = SORT_KEYS[sort];
  if (!keys) throw new Error(`sessionsSql: unknown sort ${sort}`);
  const direction = order === 'asc' ? 'ASC' : 'DESC';
  // CONTRACT 3.2: rows with equal sort keys by sessionId ascending, whatever the order.
  const orderBy = [...keys.map((k) => `${k} ${direction}`), 'm.session_id ASC'].join(', ');
  const base = activeAt
    ? /* sql */ `
-- CONTRACT 3.2 and 4, activeAt: the sessions whose active span (ended = the cut while running)
-- holds that instant; none at or after the cut. (NOT MATERIALIZED here and below: the count, the
-- facets and the page each read it with their own plan, the page an index scan that stops early.)
base AS NOT MATERIALIZED (
  SELECT s.* FROM kre_sessions s
  WHERE s.account = $1 AND s.product = $2 AND $6::timestamptz < $7::timestamptz
    AND kre_span(s.started, s.ended) @> $6::timestamptz
)`
    : /* sql */ `
${range('$4', '$5', '$7')},
-- CONTRACT 3.2: the date range filters on started in the zone; sessions that started at or
-- after the cut (asOf) are left out. (NOT MATERIALIZED here and below: the count, the facets and
-- the page each read it with their own plan, the page an index scan that stops early.)
base AS NOT MATERIALIZED (
  SELECT s.* FROM kre_sessions s
  WHERE s.account = $1 AND s.product = $2
    -- the bounds as scalars: an index scan on started that keeps its order for the page
    AND s.started >= (SELECT start FROM range) AND s.started < (SELECT stop FROM range)
)`;
  return /* sql */ `
WITH RECURSIVE
-- every parameter typed, whichever of the two forms reads it
typed AS (SELECT $3::text AS zone, $4::date AS from_date, $5::date AS to_date, $6::timestamptz AS active_at),
${matchedOrgs('$8')},
${base},
-- CONTRACT 3.2 and 4: organizations (and descendants), license sources, and q: a substring of
-- the lower-cased name, email, session id or machine id.
matched AS NOT MATERIALIZED (
  SELECT * FROM base
  WHERE ($8::text[] IS NULL OR organization_id IN (SELECT id FROM matched_orgs))
    AND ($9::text[] IS NULL OR license_source = ANY ($9::text[]))
    AND ($10::text IS NULL OR search LIKE $10::text)
),
page AS (
  SELECT m.*, o.name AS org_name, o.path AS org_path, o.sort_key AS org_key, o.sort_text AS org_text
  FROM matched m LEFT JOIN kre_organizations o ON o.account = $1 AND o.id = m.organization_id
  ORDER BY ${orderBy}
  OFFSET $11 LIMIT $12
)
SELECT
  -- the account's data version, read in the same snapshot: the store keeps total and sources of a
  -- query for the next pages of an export while it is unchanged (pageOnly then skips them)
  (SELECT version FROM kre_accounts WHERE account = $1) AS version,
  ${pageOnly ? 'NULL::bigint' : '(SELECT count(*) FROM matched)::bigint'} AS total,
  ${pageOnly ? 'NULL::json' : "(SELECT coalesce(json_agg(DISTINCT license_source), '[]'::json) FROM base)"} AS sources,
  (SELECT coalesce(json_agg(json_build_object(
            'sessionId', m.session_id, 'name', m.user_name, 'email', m.user_email, 'machineId', m.machine_id,
            'licenseSource', m.license_source, 'organizationId', m.organization_id, 'orgName', m.org_name,
            'orgPath', m.org_path, 'licenseType', m.license_type, 'started', kre_ms(m.started),
            'ended', CASE WHEN m.ended IS NULL OR m.ended > $7::timestamptz THEN NULL ELSE kre_ms(m.ended) END)
          ORDER BY ${orderBy.replaceAll('o.sort_key', 'm.org_key').replaceAll('o.sort_text', 'm.org_text')}), '[]'::json)
   FROM page m) AS items,
  (SELECT coalesce(json_agg(json_build_object('id', id, 'name', name, 'parentId', parent_id) ORDER BY seq), '[]'::json)
   FROM kre_organizations WHERE account = $1) AS organizations
`;
}
