-- Reports: hotline calls, online (public) reports, walk-ins and agency referrals,
-- with their dispatches to agencies, public additions and links to cases.

CREATE SEQUENCE report_reference_seq;

CREATE TABLE reports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- What operators say on the phone: "report R-2026-000123".
  reference text NOT NULL UNIQUE,
  kind text NOT NULL CHECK (kind IN ('trafficking_suspicion', 'smuggling_suspicion', 'information_request', 'out_of_scope')),
  channel text NOT NULL CHECK (channel IN ('hotline_call', 'online_form', 'walk_in', 'agency_referral', 'email', 'other')),
  status text NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'triaged', 'dispatched', 'screening_requested', 'linked', 'closed')),
  urgency text NOT NULL CHECK (urgency IN ('immediate_danger', 'urgent', 'standard')),
  received_at timestamptz NOT NULL,
  caller_type text CHECK (caller_type IN ('victim', 'relative', 'witness', 'professional', 'anonymous')),
  language text,
  region text CHECK (region ~ '^MA-(0[1-9]|1[0-2])$'),
  province text,
  -- The narrative and the reporter's contact can identify people: encrypted (AES-GCM, see src/server/crypto).
  narrative_enc text,
  reporter_contact_enc text,
  exploitation_forms text[] NOT NULL DEFAULT '{}',
  people_at_risk integer CHECK (people_at_risk >= 0),
  minors_involved boolean,
  -- Keyed hash (HMAC) of the public receipt code; the code itself is never stored.
  receipt_hash text UNIQUE,
  closure_reason text,
  closed_at timestamptz,
  -- The agency handling the report (the hotline); null for a public report not yet triaged.
  owner_agency_id uuid REFERENCES agencies (id),
  created_by uuid REFERENCES users (id),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((status = 'closed') = (closure_reason IS NOT NULL))
);
-- The work list: open reports by urgency, then by time received.
CREATE INDEX reports_worklist_idx ON reports (status, urgency, received_at DESC);
CREATE INDEX reports_received_idx ON reports (received_at DESC);

CREATE TABLE report_dispatches (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  report_id uuid NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  purpose text NOT NULL CHECK (purpose IN ('emergency', 'screening')),
  agency_id uuid NOT NULL REFERENCES agencies (id),
  dispatched_at timestamptz NOT NULL DEFAULT now(),
  dispatched_by uuid REFERENCES users (id),
  acknowledged_at timestamptz,
  acknowledged_by uuid REFERENCES users (id)
);
CREATE INDEX report_dispatches_report_idx ON report_dispatches (report_id);
-- An agency's reports are found through its dispatches.
CREATE INDEX report_dispatches_agency_idx ON report_dispatches (agency_id, report_id);

-- Information a public reporter adds later with their receipt code.
CREATE TABLE report_additions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  report_id uuid NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  text_enc text NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX report_additions_report_idx ON report_additions (report_id, received_at);

-- A report can lead to several cases, and a case can come from several reports.
CREATE TABLE report_cases (
  report_id uuid NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  case_id uuid NOT NULL REFERENCES cases (id),
  linked_at timestamptz NOT NULL DEFAULT now(),
  linked_by uuid REFERENCES users (id),
  PRIMARY KEY (report_id, case_id)
);
CREATE INDEX report_cases_case_idx ON report_cases (case_id);
