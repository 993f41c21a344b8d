-- Agencies and service providers get a name in each UI language (product issue: an Arabic screen
-- showed a French-only agency name). One nullable column per locale rather than a jsonb map:
-- the reader's name is `coalesce(name_<locale>, name)`, a plain column read that needs no key
-- check, each column carries its own length check and unique index, and the Drizzle mirror and
-- the drift test see the columns. A fourth locale is a migration either way (LOCALES is closed).
--
-- `name` stays, NOT NULL: the default name, shown to a reader whose language has no name and used
-- by whatever does not know the reader (audit details, the CLI). The API keeps it equal to the
-- French name, else the Arabic, else the English (src/server/db/localized-name.ts).

ALTER TABLE agencies
  ADD COLUMN name_ar text CHECK (length(name_ar) BETWEEN 2 AND 200),
  ADD COLUMN name_fr text CHECK (length(name_fr) BETWEEN 2 AND 200),
  ADD COLUMN name_en text CHECK (length(name_en) BETWEEN 2 AND 200);

ALTER TABLE service_providers
  ADD COLUMN name_ar text CHECK (length(name_ar) BETWEEN 2 AND 200),
  ADD COLUMN name_fr text CHECK (length(name_fr) BETWEEN 2 AND 200),
  ADD COLUMN name_en text CHECK (length(name_en) BETWEEN 2 AND 200);

-- Backfill: a stored name is written in one language, and its script tells which column is its own:
-- Arabic letters → Arabic; otherwise French, the Latin-script language of Morocco's administration.
-- Readers of the other languages still see it, as the default name, until an administrator adds theirs.
UPDATE agencies
   SET name_ar = CASE WHEN name ~ '[ء-ي]' THEN name END,
       name_fr = CASE WHEN name !~ '[ء-ي]' THEN name END
 WHERE length(name) BETWEEN 2 AND 200;
UPDATE service_providers
   SET name_ar = CASE WHEN name ~ '[ء-ي]' THEN name END,
       name_fr = CASE WHEN name !~ '[ء-ي]' THEN name END
 WHERE length(name) BETWEEN 2 AND 200;

-- No CHECK asks for one name per locale at least: `name` (NOT NULL) already gives every reader a
-- name, and writers that know a single name (the CLI's administration agency, bulk loads) keep
-- working. The API asks for a name in at least one language on every create and update.

-- Two agencies with one name in some language could not be told apart in that language's lists.
CREATE UNIQUE INDEX agencies_name_ar_key ON agencies (lower(name_ar));
CREATE UNIQUE INDEX agencies_name_fr_key ON agencies (lower(name_fr));
CREATE UNIQUE INDEX agencies_name_en_key ON agencies (lower(name_en));
