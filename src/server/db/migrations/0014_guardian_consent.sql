-- A consent given by a guardian for a child names the guardian (issue: the child is not flagged).
--
-- The name is identifying, so it is sealed like every other identity field (crypto/encrypted-columns.ts,
-- context 'case_consent.guardian_name'); the relationship is a code (src/shared/htcds/guardian.ts,
-- GUARDIAN_RELATIONSHIPS). Only a guardian consent may carry either. Consents recorded with the
-- 'guardian' method before this migration have neither; the API requires both for new ones
-- (cases/consent.ts), so the CHECK does not, and old rows stay valid.
ALTER TABLE case_consents
  ADD COLUMN guardian_name_enc text,
  ADD COLUMN guardian_relationship text
    CHECK (guardian_relationship IN ('parent', 'legal_guardian', 'relative', 'child_protection_service', 'other')),
  ADD CONSTRAINT case_consents_guardian_only_check
    CHECK (method = 'guardian' OR (guardian_name_enc IS NULL AND guardian_relationship IS NULL));
