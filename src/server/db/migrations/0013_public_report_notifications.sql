-- Public reports notify the hotline (src/shared/notifications.ts): two notification kinds, one of them
-- urgent (an immediate danger). Other migrations of the same release may add kinds of their own, so the
-- CHECK list is extended from the one in place instead of being written out again: whatever order the
-- migrations are written in, no kind is lost. The list is rebuilt as `kind = ANY (ARRAY[...])`, the form
-- PostgreSQL prints for `kind IN (...)`, so the schema drift test reads it the same way.
DO $$
DECLARE
  kinds text[];
BEGIN
  SELECT array_agg(DISTINCT code ORDER BY code) INTO kinds
    FROM (
      SELECT (regexp_matches(pg_get_constraintdef(c.oid), '''([a-z_]+)''', 'g'))[1] AS code
        FROM pg_constraint c
       WHERE c.conname = 'notifications_kind_check' AND c.conrelid = 'notifications'::regclass
      UNION
      SELECT unnest(ARRAY['public_report_received', 'public_report_danger'])
    ) AS codes;
  ALTER TABLE notifications DROP CONSTRAINT IF EXISTS notifications_kind_check;
  EXECUTE format(
    'ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check CHECK (kind = ANY (ARRAY[%s]))',
    (SELECT string_agg(quote_literal(k), ', ') FROM unnest(kinds) AS k));
END $$;
