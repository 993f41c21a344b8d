-- Referrals (consent-gated sharing with service providers), services delivered,
-- support plans (HTCDS spl_), follow-ups, voluntary return and reintegration.
-- Free text that can identify a person is ciphertext (`*_enc`).

CREATE SEQUENCE referral_reference_seq;

CREATE TABLE referrals (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- What people say on the phone and what notifications carry: "referral RF-2026-000042".
  reference text NOT NULL UNIQUE,
  case_id uuid NOT NULL REFERENCES cases (id),
  provider_id uuid NOT NULL REFERENCES service_providers (id),
  -- Copied from the provider when sent: the incoming list is scoped on it.
  receiving_agency_id uuid NOT NULL REFERENCES agencies (id),
  referring_agency_id uuid NOT NULL REFERENCES agencies (id),
  referred_by uuid NOT NULL REFERENCES users (id),
  service_type text NOT NULL CHECK (service_type IN (
    'shelter', 'medical', 'psychosocial', 'legal_aid', 'interpretation', 'education',
    'vocational_training', 'livelihood', 'family_tracing', 'voluntary_return',
    'reintegration', 'financial_assistance')),
  urgency text NOT NULL CHECK (urgency IN ('emergency', 'urgent', 'routine')),
  -- HTCDS cas_ReasonForOutgoingReferral, with the details as (encrypted) free text.
  reason text NOT NULL CHECK (reason IN ('AdditionalServicesRequired', 'MigrationOrChangeOfLocation', 'Other')),
  reason_details_enc text,
  -- Exactly which fields were shared, and their values at referral time (encrypted JSON).
  shared_fields text[] NOT NULL DEFAULT '{}',
  snapshot_enc text,
  status text NOT NULL DEFAULT 'sent' CHECK (status IN ('sent', 'accepted', 'declined', 'in_progress', 'completed', 'cancelled')),
  sent_at timestamptz NOT NULL DEFAULT now(),
  accepted_at timestamptz,
  declined_at timestamptz,
  started_at timestamptz,
  completed_at timestamptz,
  cancelled_at timestamptz,
  responded_by uuid REFERENCES users (id),
  decline_reason text CHECK (decline_reason IN (
    'no_capacity', 'outside_mandate', 'target_group_not_served', 'region_not_covered',
    'insufficient_information', 'victim_unreachable', 'other')),
  decline_note_enc text,
  cancel_note_enc text,
  -- A shelter bed this referral holds (taken on acceptance, released on completion or cancellation).
  bed_held boolean NOT NULL DEFAULT false,
  -- Emergency override of the consent rule (risk to life): audited and reviewed.
  consent_override boolean NOT NULL DEFAULT false,
  override_reason text CHECK (override_reason IN ('risk_to_life')),
  override_justification_enc text,
  override_reviewed_at timestamptz,
  override_reviewed_by uuid REFERENCES users (id),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (consent_override = (override_reason IS NOT NULL)),
  CHECK ((status = 'declined') = (decline_reason IS NOT NULL))
);
CREATE INDEX referrals_incoming_idx ON referrals (receiving_agency_id, status, sent_at);
CREATE INDEX referrals_case_idx ON referrals (case_id, status);
-- The overdue sweep and the pathway-health counts look at unanswered referrals only.
CREATE INDEX referrals_waiting_idx ON referrals (sent_at) WHERE status = 'sent';
CREATE INDEX referrals_override_review_idx ON referrals (sent_at) WHERE consent_override AND override_reviewed_at IS NULL;

-- Services delivered to a victim, by a provider on a referral or recorded by the case worker.
CREATE TABLE services_delivered (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES cases (id),
  referral_id uuid REFERENCES referrals (id),
  provider_id uuid REFERENCES service_providers (id),
  service_type text NOT NULL,
  start_date date NOT NULL,
  end_date date,
  outcome text NOT NULL CHECK (outcome IN ('ongoing', 'completed', 'partially_completed', 'discontinued', 'refused_by_victim')),
  note_enc text,
  recorded_by uuid NOT NULL REFERENCES users (id),
  recording_agency_id uuid NOT NULL REFERENCES agencies (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (end_date IS NULL OR end_date >= start_date)
);
CREATE INDEX services_delivered_case_idx ON services_delivered (case_id, start_date);
CREATE INDEX services_delivered_referral_idx ON services_delivered (referral_id);

-- HTCDS spl_: a case can hold several plans (one per type of support).
CREATE TABLE support_plans (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES cases (id),
  type text NOT NULL CHECK (type IN ('Education', 'Financial', 'Health', 'LabourExploitationRehabilitation', 'Legal', 'Livelihood',
    'RightsBasedTraining', 'SexualExploitationRehabilitation', 'SocialCare', 'Other')),
  objectives_enc text NOT NULL,
  action_plan_enc text,
  planned_end_date date,
  actual_end_date date,
  version integer NOT NULL DEFAULT 1,
  created_by uuid NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX support_plans_case_idx ON support_plans (case_id);

CREATE TABLE case_follow_ups (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES cases (id),
  due_date date NOT NULL,
  purpose_enc text NOT NULL,
  assignee_id uuid REFERENCES users (id),
  done_at timestamptz,
  done_by uuid REFERENCES users (id),
  outcome_note_enc text,
  created_by uuid NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX case_follow_ups_case_idx ON case_follow_ups (case_id, due_date);
CREATE INDEX case_follow_ups_open_idx ON case_follow_ups (due_date) WHERE done_at IS NULL;

-- Voluntary return (one plan per case) and the reintegration milestones after it.
CREATE TABLE case_returns (
  case_id uuid PRIMARY KEY REFERENCES cases (id),
  status text NOT NULL CHECK (status IN ('planned', 'completed', 'cancelled')),
  return_country text NOT NULL,
  return_date date,
  iom_involved boolean NOT NULL DEFAULT false,
  note_enc text,
  version integer NOT NULL DEFAULT 1,
  updated_by uuid NOT NULL REFERENCES users (id),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE reintegration_milestones (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES cases (id),
  kind text NOT NULL CHECK (kind IN ('reception_on_arrival', 'family_reunification', 'housing', 'education', 'vocational_training',
    'employment', 'income_generating_activity', 'medical_follow_up', 'psychosocial_follow_up', 'other')),
  target_date date,
  achieved_on date,
  note_enc text,
  position integer NOT NULL DEFAULT 0
);
CREATE INDEX reintegration_milestones_case_idx ON reintegration_milestones (case_id, position);
