/**
 * Kinds of in-app notification. The web app translates `notification.<kind>`
 * with the notification's params; add a kind here and in the catalogs together.
 */
export const NOTIFICATION_KINDS = [
  'referral_received',
  'referral_accepted',
  'referral_declined',
  'referral_overdue',
  'followup_overdue',
  'reflection_period_ending',
  'case_assigned',
  'dispatch_received',
  'merge_requested',
  // user administration: a role grant waits for (or got) a second administrator's approval
  'role_grant_requested',
  'role_grant_approved',
  // hotline: a report arrived from the public form; an immediate danger has its own, urgent kind
  'public_report_received',
  'public_report_danger',
  // the national coordinator flagged a consent override the agency sent (src/server/referrals/override-review.ts)
  'override_flagged',
] as const;

export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
