-- Handing a case over to another agency (src/server/cases/case-transfer.ts).
--
-- The owner agency asks, with the person's consent to share with the receiver (checked when asked and
-- again when accepted); the receiving agency accepts (it becomes the owner) or declines; the sender may
-- cancel while it waits. One pending transfer per case at most. The coded lists are copies of
-- CASE_TRANSFER_REASONS and CASE_TRANSFER_STATUSES in src/shared/api/caseTransfers.ts (schema-drift.test.ts
-- compares them). New tables reach the application role through the default privileges of 0009.
CREATE TABLE case_transfers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES cases (id),
  from_agency_id uuid NOT NULL REFERENCES agencies (id),
  to_agency_id uuid NOT NULL REFERENCES agencies (id),
  reason text NOT NULL CHECK (reason IN ('victim_relocated', 'specialised_support', 'jurisdiction', 'case_management', 'other')),
  -- Free text can name the person: sealed like every other case note (context case_transfer.reason_note).
  reason_note_enc text,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'declined', 'cancelled')),
  requested_by uuid NOT NULL REFERENCES users (id),
  requested_at timestamptz NOT NULL DEFAULT now(),
  decided_by uuid REFERENCES users (id),
  decided_at timestamptz,
  CHECK (from_agency_id <> to_agency_id),
  CHECK ((status = 'pending') = (decided_at IS NULL)),
  CHECK ((status = 'pending') = (decided_by IS NULL))
);
CREATE UNIQUE INDEX case_transfers_one_pending_idx ON case_transfers (case_id) WHERE status = 'pending';
-- The receiving agency's work list, and the case relationship "receiving agency of a pending transfer".
CREATE INDEX case_transfers_incoming_idx ON case_transfers (to_agency_id, case_id) WHERE status = 'pending';
CREATE INDEX case_transfers_case_idx ON case_transfers (case_id, requested_at);
