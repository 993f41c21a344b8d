-- Search by any part of a name (in Arabic or Latin script), by document and by phone number:
-- two new kinds of keyed blind index (a name part, and its cross-script skeleton), never plaintext.
-- The keys are keyed HMACs whose key is not in the database, so this migration cannot compute them:
-- persons.index_version says which scheme a person's keys were derived with, and the application
-- re-indexes every person with an older version at start (src/server/cases/person-reindex.ts).

ALTER TABLE person_index_keys DROP CONSTRAINT person_index_keys_kind_check;
ALTER TABLE person_index_keys ADD CONSTRAINT person_index_keys_kind_check
  CHECK (kind IN ('name', 'document', 'phone', 'skeleton_year', 'name_part', 'name_part_skeleton'));

-- 0: keys from before this migration (or written by raw SQL); the application writes its current version.
ALTER TABLE persons ADD COLUMN index_version smallint NOT NULL DEFAULT 0;
