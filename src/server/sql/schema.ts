/**
 * The schema of the SQL stores (PGlite and a PostgreSQL server run the same), as versioned,
 * idempotent migrations: each runs once, in order, inside a transaction, and is recorded in
 * `kre_migrations`.
 *
 * Every table is keyed by `account` first, and every query filters by it: on Citus, `account` is
 * the distribution column of every table (see the README, "Serve your own data").
 *
 * Text that is sorted or compared is `COLLATE "C"`: byte order of UTF-8, which is code point order,
 * the order of core's `compareCodePoints`. The sort keys beside the texts are core's `textSortKey`,
 * computed in Node when an event is stored, so `(key, text)` in "C" order is core's `compareText`.
 * Lower-cased search text is JavaScript's `toLowerCase`, also computed in Node: PostgreSQL's
 * `lower()` depends on the database's locale.
 */

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'tables, indexes and the calendar and replay functions',
    sql: /* sql */ `
CREATE EXTENSION IF NOT EXISTS btree_gist;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE kre_organizations (
  account     text COLLATE "C" NOT NULL,
  id          text COLLATE "C" NOT NULL,
  name        text COLLATE "C" NOT NULL,
  parent_id   text COLLATE "C",
  -- creation order: the order of every organizations list (core lists them in dataset order)
  seq         integer NOT NULL,
  -- names from the root down, and the sort key and text of the path joined with ' / '
  path        text[] COLLATE "C" NOT NULL,
  sort_key    text COLLATE "C" NOT NULL,
  sort_text   text COLLATE "C" NOT NULL,
  PRIMARY KEY (account, id)
);

CREATE TABLE kre_sessions (
  account         text COLLATE "C" NOT NULL,
  product         text COLLATE "C" NOT NULL,
  session_id      text COLLATE "C" NOT NULL,
  started         timestamptz NOT NULL,
  ended           timestamptz,
  user_name       text COLLATE "C" NOT NULL,
  user_email      text COLLATE "C" NOT NULL,
  machine_id      text COLLATE "C" NOT NULL,
  license_source  text COLLATE "C" NOT NULL,
  organization_id text COLLATE "C",
  license_type    text COLLATE "C" NOT NULL,
  -- core's textSortKey of each sortable text
  user_key        text COLLATE "C" NOT NULL,
  email_key       text COLLATE "C" NOT NULL,
  session_key     text COLLATE "C" NOT NULL,
  machine_key     text COLLATE "C" NOT NULL,
  source_key      text COLLATE "C" NOT NULL,
  type_key        text COLLATE "C" NOT NULL,
  -- name, email, session id and machine id, lower-cased as core does, U+0001 between them
  search          text COLLATE "C" NOT NULL,
  PRIMARY KEY (account, product, session_id)
);

-- A session-end that arrived before its session-start (CONTRACT 3.5): applied when the start arrives.
CREATE TABLE kre_pending_ends (
  account    text COLLATE "C" NOT NULL,
  product    text COLLATE "C" NOT NULL,
  session_id text COLLATE "C" NOT NULL,
  ended      timestamptz NOT NULL,
  PRIMARY KEY (account, product, session_id)
);

CREATE TABLE kre_denials (
  account         text COLLATE "C" NOT NULL,
  product         text COLLATE "C" NOT NULL,
  request_id      text COLLATE "C" NOT NULL,
  at              timestamptz NOT NULL,
  user_name       text COLLATE "C" NOT NULL,
  user_email      text COLLATE "C" NOT NULL,
  machine_id      text COLLATE "C" NOT NULL,
  license_source  text COLLATE "C" NOT NULL,
  organization_id text COLLATE "C",
  PRIMARY KEY (account, product, request_id)
);

-- organization_id NULL is the account-wide scope; one value per scope and instant.
CREATE TABLE kre_allocations (
  account         text COLLATE "C" NOT NULL,
  product         text COLLATE "C" NOT NULL,
  organization_id text COLLATE "C",
  effective_from  timestamptz NOT NULL,
  sessions        integer NOT NULL CHECK (sessions >= 0),
  CONSTRAINT kre_allocations_scope_instant UNIQUE NULLS NOT DISTINCT (account, product, organization_id, effective_from)
);

-- CONTRACT 4: a session is active on [started, ended), until the service's now while it runs; a
-- session whose ended <= started is never active (an empty span).
CREATE FUNCTION kre_span(started timestamptz, ended timestamptz) RETURNS tstzrange
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT tstzrange(started, greatest(started, coalesce(ended, 'infinity'::timestamptz)), '[)') $$;

-- Epoch milliseconds of an instant (exact: extract returns numeric).
CREATE FUNCTION kre_ms(t timestamptz) RETURNS bigint
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT (extract(epoch FROM t) * 1000)::bigint $$;

-- The zone's offset from UTC at an instant.
CREATE FUNCTION kre_offset(z text, t timestamptz) RETURNS interval
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT (t AT TIME ZONE z) - (t AT TIME ZONE 'UTC') $$;

-- CONTRACT 4, "Buckets": the instant of local midnight of day d in zone z. A midnight skipped by
-- a DST gap is the instant the gap ends; a repeated midnight is its first occurrence (RFC 5545 and
-- Temporal "compatible", core's localToInstant, step for step). PostgreSQL's own
-- 'timestamp AT TIME ZONE' agrees on skipped times but takes the later of two repeated ones.
CREATE FUNCTION kre_local_midnight(d date, z text) RETURNS timestamptz
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$
  SELECT CASE
           WHEN kre_offset(z, c.first) = o.before AND kre_offset(z, c.second) = o.after THEN least(c.first, c.second)
           WHEN kre_offset(z, c.first) = o.before THEN c.first
           WHEN kre_offset(z, c.second) = o.after THEN c.second
           ELSE c.first
         END
  FROM (SELECT d::timestamp AS wall) w,
       LATERAL (SELECT kre_offset(z, (w.wall - interval '1 day') AT TIME ZONE 'UTC') AS before,
                       kre_offset(z, (w.wall + interval '1 day') AT TIME ZONE 'UTC') AS after) o,
       LATERAL (SELECT (w.wall - o.before) AT TIME ZONE 'UTC' AS first,
                       (w.wall - o.after) AT TIME ZONE 'UTC' AS second) c
$$;

-- CONTRACT 4, "capacity", replay: the matching sessions active at some instant of [range_start,
-- range_end), in started order (ties by session id), against a pool of licenses. A session that
-- ends at an instant frees its licence before one that starts then takes it; a session that
-- starts while every licence is held is refused and holds nothing. The pool is a binary min-heap
-- of end instants. Sequential by nature, so a loop rather than a window.
CREATE FUNCTION kre_replay(p_account text, p_product text, p_orgs text[], range_start timestamptz,
                           range_end timestamptz, as_of timestamptz, licenses integer,
                           OUT refused bigint, OUT peak integer)
  LANGUAGE plpgsql STABLE
  AS $$
DECLARE
  heap timestamptz[] := '{}';
  size integer := 0;
  r record;
  k integer;
  child integer;
  parent integer;
  last timestamptz;
  tmp timestamptz;
BEGIN
  refused := 0;
  peak := 0;
  FOR r IN
    SELECT s.started,
           CASE WHEN s.ended IS NULL OR s.ended > as_of THEN as_of ELSE s.ended END AS ends
    FROM kre_sessions s
    WHERE s.account = p_account AND s.product = p_product
      AND kre_span(s.started, s.ended) && tstzrange(range_start, range_end)
      AND (p_orgs IS NULL OR s.organization_id = ANY (p_orgs))
    ORDER BY s.started, s.session_id
  LOOP
    -- free the licences of the sessions that ended at or before this start
    WHILE size > 0 AND heap[1] <= r.started LOOP
      last := heap[size];
      size := size - 1;
      k := 1;
      LOOP
        child := 2 * k;
        EXIT WHEN child > size;
        IF child + 1 <= size AND heap[child + 1] < heap[child] THEN child := child + 1; END IF;
        EXIT WHEN heap[child] >= last;
        heap[k] := heap[child];
        k := child;
      END LOOP;
      IF size > 0 THEN heap[k] := last; END IF;
    END LOOP;
    IF size >= licenses THEN
      refused := refused + 1;
      CONTINUE;
    END IF;
    size := size + 1;
    k := size;
    heap[k] := r.ends;
    WHILE k > 1 LOOP
      parent := k / 2;
      EXIT WHEN heap[parent] <= heap[k];
      tmp := heap[parent];
      heap[parent] := heap[k];
      heap[k] := tmp;
      k := parent;
    END LOOP;
    IF size > peak THEN peak := size; END IF;
  END LOOP;
END
$$;

-- Index per query: the sweep and capacity read the spans that meet a range, activeAt the spans
-- that hold an instant (GiST over account, product and span); the sessions list reads a date
-- range of started (migration 2 replaces this index); search reads trigrams.
CREATE INDEX kre_sessions_span ON kre_sessions USING gist (account, product, kre_span(started, ended));
CREATE INDEX kre_sessions_started ON kre_sessions (account, product, started);
CREATE INDEX kre_sessions_search ON kre_sessions USING gin (search gin_trgm_ops);
CREATE INDEX kre_denials_at ON kre_denials (account, product, at);
`,
  },
  {
    version: 2,
    name: 'the sessions list in its default order from one index',
    sql: /* sql */ `
-- The sessions list's default order, started descending with ties by session id ascending
-- (CONTRACT 3.2), read straight from an index, pages of an export stopping early; the range's
-- count and its license sources (the facet) read from the index alone.
CREATE INDEX kre_sessions_by_started ON kre_sessions (account, product, started DESC, session_id)
  INCLUDE (license_source, organization_id);
DROP INDEX kre_sessions_started;
`,
  },
  {
    version: 3,
    name: 'a data version per account',
    sql: /* sql */ `
-- Bumped by every events body that stores something: the count and facets of a sessions query are
-- kept for the next pages of an export only while the account's version stays the same.
CREATE TABLE kre_accounts (
  account text COLLATE "C" PRIMARY KEY,
  version bigint NOT NULL
);
`,
  },
];

/** The bookkeeping table; created before the first migration. */
export const MIGRATIONS_TABLE = /* sql */ `
CREATE TABLE IF NOT EXISTS kre_migrations (
  version    integer PRIMARY KEY,
  name       text NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now()
)`;
