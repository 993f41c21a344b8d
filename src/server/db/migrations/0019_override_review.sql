-- The coordinator's review of consent overrides (src/server/referrals/override-review.ts). A referral sent
-- without the victim's consent (an emergency override) is reviewed once: approved as justified, or flagged
-- with a note for the sending agency. The reviewer and time stay in override_reviewed_by/_at (0006).

ALTER TABLE referrals
  ADD COLUMN override_review_outcome text CHECK (override_review_outcome IN ('approved', 'flagged')),
  ADD COLUMN override_review_note_enc text;

-- Overrides reviewed before the outcome existed were marked reviewed without objection: approved.
UPDATE referrals SET override_review_outcome = 'approved' WHERE override_reviewed_at IS NOT NULL;

-- A review has an outcome and a reviewer, only an override is reviewed, and a flag says why.
ALTER TABLE referrals ADD CONSTRAINT referrals_override_review_check CHECK (
  (override_reviewed_at IS NULL) = (override_review_outcome IS NULL)
  AND (override_reviewed_at IS NULL OR (consent_override AND override_reviewed_by IS NOT NULL))
  AND (override_review_outcome IS DISTINCT FROM 'flagged' OR override_review_note_enc IS NOT NULL)
);

-- A notification to the sending agency when its override is flagged (src/shared/notifications.ts). The
-- CHECK list is extended from the one in place (as 0013 does), so kinds other migrations add are kept.
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
      SELECT unnest(ARRAY['override_flagged'])
    ) AS codes;
  ALTER TABLE notifications DROP CONSTRAINT IF EXISTS notifications_kind_check;
  EXECUTE format(
    'ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check CHECK (kind = ANY (ARRAY[%s]))',
    (SELECT string_agg(quote_literal(k), ', ') FROM unnest(kinds) AS k));
END $$;
