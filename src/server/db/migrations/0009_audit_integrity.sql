-- Audit integrity (issue 6, item 3; issue 7, item 8).
-- 1. Rows are appended to one of several independent chains, each with its own lock and its own
--    contiguous sequence number, so concurrent requests do not queue on one lock.
-- 2. Each row keeps its public SHA-256 link (hash, prev_hash) and gains a MAC: an HMAC of the hash under
--    a key derived from the master key, which the database never holds (key_id names the master key).
-- 3. Signed checkpoints of the chain heads are kept here and copied out of the system.
-- 4. The application runs as sanad_app, a role that owns nothing and may only read and append the trail.

ALTER TABLE audit_events
  ADD COLUMN chain smallint,
  ADD COLUMN chain_seq bigint,
  ADD COLUMN key_id text,
  ADD COLUMN mac text;

-- Rows written before this migration form the start of chain 0, in id order, without a MAC (their
-- SHA-256 chain is all they ever had). The row that follows them in chain 0 links to their head, so
-- from then on they are pinned by keyed rows and by the checkpoints.
ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_delete;
UPDATE audit_events SET chain = 0, chain_seq = numbered.seq
  FROM (SELECT id, row_number() OVER (ORDER BY id) AS seq FROM audit_events) AS numbered
 WHERE numbered.id = audit_events.id;
ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update_delete;

ALTER TABLE audit_events
  ALTER COLUMN chain SET NOT NULL,
  ALTER COLUMN chain_seq SET NOT NULL,
  ADD CONSTRAINT audit_events_sealed CHECK ((key_id IS NULL) = (mac IS NULL)),
  ADD CONSTRAINT audit_events_chain_seq_key UNIQUE (chain, chain_seq);

-- One message for every append-only table.
CREATE OR REPLACE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;

-- Signed statements of the chain heads (sequence number and hash of each chain's newest row, and the
-- time). The document is kept exactly as signed; copies live outside the database too.
CREATE TABLE audit_checkpoints (
  id bigserial PRIMARY KEY,
  created_at timestamptz NOT NULL DEFAULT now(),
  document text NOT NULL
);
CREATE TRIGGER audit_checkpoints_no_update_delete
  BEFORE UPDATE OR DELETE ON audit_checkpoints
  FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
CREATE TRIGGER audit_checkpoints_no_truncate
  BEFORE TRUNCATE ON audit_checkpoints
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();

-- Picks a chain for the calling transaction and returns where to append in it. A transaction keeps the
-- chain it first took (remembered in a transaction-local setting), so its rows stay in order and it never
-- holds two chain locks. It tries the chains from one that depends on the connection, takes the first that
-- is free, and waits only when every chain is busy. The advisory lock is held until commit, so each
-- chain's committed rows are contiguous; the SELECT after the lock sees the rows committed before it.
CREATE FUNCTION audit_claim_chain(chains integer)
RETURNS TABLE (chain smallint, next_seq bigint, prev_hash text, id bigint, instance text)
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  held text := current_setting('sanad.audit_chain', true);
  first_choice integer := pg_backend_pid() % chains;
  picked integer;
BEGIN
  IF held IS NOT NULL AND held <> '' THEN
    picked := held::integer;
  ELSE
    FOR step IN 0 .. chains - 1 LOOP
      IF pg_try_advisory_xact_lock(727002, (first_choice + step) % chains) THEN
        picked := (first_choice + step) % chains;
        EXIT;
      END IF;
    END LOOP;
    IF picked IS NULL THEN
      picked := first_choice;
      PERFORM pg_advisory_xact_lock(727002, picked);
    END IF;
    PERFORM set_config('sanad.audit_chain', picked::text, true);
  END IF;
  RETURN QUERY
    SELECT picked::smallint,
           coalesce(head.chain_seq, 0) + 1,
           coalesce(head.hash, repeat('0', 64)),
           nextval('audit_events_id_seq'),
           current_setting('sanad.instance', true)
      FROM (SELECT 1) AS one
      LEFT JOIN LATERAL (
        SELECT e.chain_seq, e.hash FROM audit_events e WHERE e.chain = picked ORDER BY e.chain_seq DESC LIMIT 1
      ) AS head ON true;
END;
$$;

-- The application role. Roles belong to the whole cluster: several databases migrating at once may race
-- to create it, and the loser of that race simply finds it there.
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'sanad_app') THEN
    BEGIN
      CREATE ROLE sanad_app NOLOGIN;
    EXCEPTION
      WHEN duplicate_object OR unique_violation THEN NULL;
      WHEN insufficient_privilege THEN
        RAISE EXCEPTION 'the role sanad_app does not exist and % may not create roles', current_user
          USING HINT = 'Create it once as a superuser: CREATE ROLE sanad_app NOLOGIN; (docs/OPERATIONS.md, "Database roles")';
    END;
  END IF;
END;
$$;

-- Rows: read and write where the application needs to; the trail and its checkpoints only read and append.
-- Never TRUNCATE, REFERENCES or TRIGGER; never ownership, so never ALTER, DROP or DISABLE TRIGGER.
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO sanad_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO sanad_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO sanad_app;
-- The application may see which migrations are applied (to start on an up-to-date database), never change it.
REVOKE ALL ON schema_migrations FROM sanad_app;
GRANT SELECT ON schema_migrations TO sanad_app;
REVOKE UPDATE, DELETE ON audit_events, audit_checkpoints FROM sanad_app;
-- Tables and sequences that later migrations create (as this same owner role) get the same rights.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO sanad_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO sanad_app;

-- Planner statistics need the owner (PGlite runs no autovacuum, so Sanad refreshes them hourly):
-- the application may ask for it, and for nothing else the owner can do.
CREATE FUNCTION refresh_planner_statistics() RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
  t record;
BEGIN
  FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = 'public' LOOP
    EXECUTE format('ANALYZE public.%I', t.tablename);
  END LOOP;
END;
$$;
REVOKE ALL ON FUNCTION refresh_planner_statistics() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION refresh_planner_statistics() TO sanad_app;
