-- Victim cases (HTCDS prs_, vic_, cas_, hte_, cco_, con_). Every column that
-- names or locates a person is ciphertext (`*_enc`, AES-256-GCM bound to its
-- column); lookups go through keyed blind indexes in person_index_keys.

CREATE TABLE persons (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  given_name_ar_enc text,
  family_name_ar_enc text,
  given_name_lat_enc text,
  family_name_lat_enc text,
  aliases_enc text,
  birth_date_enc text,
  birth_year_enc text,
  birth_year_estimated boolean NOT NULL DEFAULT false,
  -- Not identifying on their own, needed by the national figures.
  sex text NOT NULL DEFAULT 'NonSpecifiedUnknown',
  citizenships text[] NOT NULL DEFAULT '{}',
  languages text[] NOT NULL DEFAULT '{}',
  identity_documents_enc text,
  contact_enc text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Keyed HMACs for exact lookups and duplicate detection; never plaintext.
CREATE TABLE person_index_keys (
  person_id uuid NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('name', 'document', 'phone', 'skeleton_year')),
  key text NOT NULL,
  PRIMARY KEY (person_id, kind, key)
);
CREATE INDEX person_index_keys_lookup_idx ON person_index_keys (kind, key);

CREATE SEQUENCE case_number_seq;

CREATE TABLE cases (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_number text NOT NULL UNIQUE,
  person_id uuid NOT NULL REFERENCES persons (id),
  status text NOT NULL DEFAULT 'Active' CHECK (status IN ('Active', 'FollowUp', 'Closed', 'ClosedReferred')),
  owner_agency_id uuid NOT NULL REFERENCES agencies (id),
  case_manager_id uuid REFERENCES users (id),
  created_by uuid NOT NULL REFERENCES users (id),
  version integer NOT NULL DEFAULT 1,
  -- Where the case came from (tables owned by the reports and screening modules).
  source_report_id uuid,
  source_screening_id uuid,
  region text,
  province text,
  risk_level text,
  risk_assessment_enc text,
  reflection_start date,
  reflection_end date,
  reflection_alert_days integer NOT NULL DEFAULT 7,
  non_punishment boolean NOT NULL DEFAULT false,
  non_punishment_ground text,
  non_punishment_note_enc text,
  trafficking_status text NOT NULL DEFAULT 'possible' CHECK (trafficking_status IN ('possible', 'presumed', 'identified', 'not_a_victim')),
  status_decided_by text,
  status_decided_at date,
  age_when_trafficked integer CHECK (age_when_trafficked BETWEEN 0 AND 120),
  relationship_to_trafficker text,
  recruitment_methods text[] NOT NULL DEFAULT '{}',
  recruitment_websites text[] NOT NULL DEFAULT '{}',
  exploitation_websites text[] NOT NULL DEFAULT '{}',
  control_methods text[] NOT NULL DEFAULT '{}',
  exploitation_forms text[] NOT NULL DEFAULT '{}',
  forced_labour_industry text,
  sex_exploitation_types text[] NOT NULL DEFAULT '{}',
  trafficking_scope text CHECK (trafficking_scope IN ('domestic', 'transnational')),
  migrant_status text,
  closure_reason text,
  closure_note_enc text,
  closed_at timestamptz,
  -- A merged duplicate points at the case that absorbed it; statistics skip it.
  merged_into_case_id uuid REFERENCES cases (id),
  opened_at date NOT NULL DEFAULT CURRENT_DATE,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX cases_owner_idx ON cases (owner_agency_id, status);
CREATE INDEX cases_manager_idx ON cases (case_manager_id);
CREATE INDEX cases_created_by_idx ON cases (created_by);
CREATE INDEX cases_person_idx ON cases (person_id);
CREATE INDEX cases_opened_idx ON cases (opened_at);

CREATE TABLE case_assignments (
  case_id uuid NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users (id),
  assigned_by uuid NOT NULL REFERENCES users (id),
  assigned_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (case_id, user_id)
);
CREATE INDEX case_assignments_user_idx ON case_assignments (user_id);

-- HTCDS hte_: where and when the person was recruited, moved and exploited.
CREATE TABLE trafficking_events (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  type text NOT NULL CHECK (type IN ('Recruitment', 'Transit', 'Exploitation')),
  country text NOT NULL,
  region text,
  city text,
  start_date date,
  end_date date,
  description_enc text,
  created_by uuid NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX trafficking_events_case_idx ON trafficking_events (case_id);

-- HTCDS cco_: case comments (free text can identify people: encrypted).
CREATE TABLE case_notes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  body_enc text NOT NULL,
  author_id uuid NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX case_notes_case_idx ON case_notes (case_id, created_at);

CREATE TABLE case_attachments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  file_name_enc text NOT NULL,
  media_type text NOT NULL CHECK (media_type IN ('application/pdf', 'image/png', 'image/jpeg')),
  size_bytes integer NOT NULL CHECK (size_bytes > 0 AND size_bytes <= 5242880),
  -- keyId(8 ascii bytes) || iv(12) || tag(16) || AES-256-GCM ciphertext
  content_enc bytea NOT NULL,
  uploaded_by uuid NOT NULL REFERENCES users (id),
  uploaded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX case_attachments_case_idx ON case_attachments (case_id);

-- HTCDS con_: separate, dated, revocable consents.
CREATE TABLE case_consents (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  type text NOT NULL CHECK (type IN ('services', 'share_with_organisation', 'anonymised_statistics')),
  agency_id uuid REFERENCES agencies (id),
  method text NOT NULL CHECK (method IN ('signed', 'verbal_with_witness', 'guardian')),
  given_at timestamptz NOT NULL,
  recorded_by uuid NOT NULL REFERENCES users (id),
  recorded_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz,
  revoked_by uuid REFERENCES users (id),
  CHECK ((type = 'share_with_organisation') = (agency_id IS NOT NULL))
);
CREATE INDEX case_consents_case_idx ON case_consents (case_id, type) WHERE revoked_at IS NULL;

CREATE TABLE case_merge_requests (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- The requester's case, which is folded into the target when accepted.
  source_case_id uuid NOT NULL REFERENCES cases (id),
  target_case_id uuid NOT NULL REFERENCES cases (id),
  requested_by uuid NOT NULL REFERENCES users (id),
  requesting_agency_id uuid NOT NULL REFERENCES agencies (id),
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'declined')),
  decided_by uuid REFERENCES users (id),
  decided_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (source_case_id <> target_case_id)
);
CREATE UNIQUE INDEX case_merge_requests_pending_key ON case_merge_requests (source_case_id, target_case_id) WHERE status = 'pending';
CREATE INDEX case_merge_requests_target_idx ON case_merge_requests (target_case_id);
