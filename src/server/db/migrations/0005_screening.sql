-- Screening: versioned identification indicator sets, and screening interviews.
-- A screening holds NO identity (no names, dates of birth, contacts, documents):
-- negative screenings stay countable for proactive-screening coverage without
-- keeping anyone's identity. A person's identity exists only in an (encrypted)
-- case opened from a positive screening.

CREATE TABLE screening_indicator_sets (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  version integer NOT NULL UNIQUE CHECK (version >= 1),
  change_note text,
  -- {presumedScore, possibleScore, maxUnknownShare}: see src/server/screening/classify.ts.
  thresholds jsonb NOT NULL,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Indicators of one version; a version is never edited (editing inserts the next one).
CREATE TABLE screening_indicators (
  set_id uuid NOT NULL REFERENCES screening_indicator_sets (id),
  code text NOT NULL CHECK (code ~ '^[a-z][a-z0-9_]{1,48}$'),
  position integer NOT NULL,
  category text NOT NULL CHECK (category IN ('general', 'sexual_exploitation', 'forced_labour', 'domestic_servitude', 'forced_begging', 'forced_criminality', 'child', 'smuggling')),
  element text NOT NULL CHECK (element IN ('act', 'means', 'purpose', 'smuggling')),
  form text,
  weight integer NOT NULL CHECK (weight BETWEEN 1 AND 5),
  strong boolean NOT NULL DEFAULT false,
  -- {ar, fr, en}: the question as the responder reads it.
  text jsonb NOT NULL,
  PRIMARY KEY (set_id, code)
);

CREATE SEQUENCE screening_reference_seq;

CREATE TABLE screenings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  reference text NOT NULL UNIQUE,
  indicator_set_id uuid NOT NULL REFERENCES screening_indicator_sets (id),
  context text NOT NULL CHECK (context IN ('reactive', 'proactive')),
  campaign_name text,
  vulnerable_group text CHECK (vulnerable_group IN ('undocumented_migrants', 'domestic_workers', 'street_children', 'sex_workers', 'agricultural_workers', 'asylum_seekers_refugees', 'other')),
  place text,
  region text CHECK (region ~ '^MA-(0[1-9]|1[0-2])$'),
  province text,
  screened_on date NOT NULL,
  report_id uuid REFERENCES reports (id),
  -- Person basics, never identity.
  age_band text NOT NULL CHECK (age_band IN ('under_12', '12_14', '15_17', '18_24', '25_34', '35_49', '50_plus', 'unknown')),
  is_child boolean NOT NULL,
  sex text NOT NULL,
  nationality text CHECK (nationality ~ '^[A-Z]{2}$'),
  language text,
  -- {indicatorCode: 'yes' | 'no' | 'unknown'} for every indicator of the set used.
  answers jsonb NOT NULL,
  suggested_outcome text NOT NULL,
  -- The classifier's elements, forms, score and reasons, as shown to the responder.
  suggestion jsonb NOT NULL,
  outcome text,
  decision_status text NOT NULL DEFAULT 'pending' CHECK (decision_status IN ('pending', 'confirmed', 'overridden')),
  -- Free text that could describe the person: encrypted.
  override_reason_enc text,
  decided_by uuid REFERENCES users (id),
  decided_at timestamptz,
  case_id uuid UNIQUE REFERENCES cases (id),
  owner_agency_id uuid NOT NULL REFERENCES agencies (id),
  created_by uuid NOT NULL REFERENCES users (id),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (suggested_outcome IN ('presumed_victim', 'possible_victim', 'smuggled_and_trafficked', 'smuggled_migrant', 'not_a_victim', 'refer_for_assessment')),
  CHECK (outcome IS NULL OR outcome IN ('presumed_victim', 'possible_victim', 'smuggled_and_trafficked', 'smuggled_migrant', 'not_a_victim', 'refer_for_assessment')),
  CHECK ((decision_status = 'pending') = (outcome IS NULL)),
  -- Only a confirmed victim outcome leads to a case.
  CHECK (case_id IS NULL OR outcome IN ('presumed_victim', 'possible_victim', 'smuggled_and_trafficked')),
  CHECK (context = 'reactive' OR (campaign_name IS NOT NULL AND vulnerable_group IS NOT NULL))
);
CREATE INDEX screenings_agency_idx ON screenings (owner_agency_id, screened_on DESC);
CREATE INDEX screenings_coverage_idx ON screenings (screened_on, context, vulnerable_group);

-- The case module left source_screening_id without a target until this table existed.
ALTER TABLE cases ADD CONSTRAINT cases_source_screening_fk FOREIGN KEY (source_screening_id) REFERENCES screenings (id);
