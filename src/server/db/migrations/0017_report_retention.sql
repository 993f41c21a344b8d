-- Retention of reports (src/server/reports/report-retention.ts). A report closed without leading to a case
-- keeps its personal content only SANAD_PUBLIC_REPORT_RETENTION_DAYS after its closure; then the sweep
-- erases the narrative, the reporter's contact, the free-text place, the additions and the receipt code's
-- hash, and stamps erased_at. The row stays, with its de-identified facts, for the hotline's statistics.

ALTER TABLE reports ADD COLUMN erased_at timestamptz;

-- An erased report is a closed report with nothing personal left: the database itself refuses a row that
-- says it was erased and still holds a narrative, a contact, a place or a receipt code.
ALTER TABLE reports ADD CONSTRAINT reports_erased_check CHECK (
  erased_at IS NULL
  OR (status = 'closed' AND closed_at IS NOT NULL AND erased_at >= closed_at
      AND narrative_enc IS NULL AND reporter_contact_enc IS NULL AND province IS NULL AND receipt_hash IS NULL)
);

-- What the sweep looks for: closed reports not yet erased, oldest closure first.
CREATE INDEX reports_retention_idx ON reports (closed_at) WHERE status = 'closed' AND erased_at IS NULL;
