import { sql } from 'drizzle-orm';
import type { Tx } from '../db/database.js';
import type { AppContext } from '../http/app-context.js';
import { sweepReflectionPeriods } from './reflection-sweep.js';

const DAY = sql`interval '1 day'`;

/**
 * Demo notifications derived from the demo pathway already seeded (call it
 * last): emergencies waiting for acknowledgement, case assignments, referrals
 * sent, accepted and declined, and reflection periods ending. Older ones are
 * marked read so the bell shows a realistic unread count. Set-based, and
 * idempotent (dedupe keys, or skipped when the module already notified).
 * Returns how many notifications were created.
 */
export async function seedNotificationsDemo(tx: Tx, _ctx: Pick<AppContext, 'keyring'>, refs: { now?: Date } = {}): Promise<number> {
  const now = refs.now ?? new Date();
  let created = await sweepReflectionPeriods(tx, now);
  const readIfOld = (at: ReturnType<typeof sql>) => sql`CASE WHEN ${at} < ${now}::timestamptz - 3 * ${DAY} THEN ${at} + ${DAY} END`;

  const dispatches = await tx.execute(sql`
    INSERT INTO notifications (user_id, kind, resource_type, resource_id, params, created_at, read_at, dedupe_key)
    SELECT u.id, 'dispatch_received', 'report', r.id::text,
           jsonb_build_object('reference', r.reference, 'purpose', d.purpose, 'urgency', r.urgency),
           d.dispatched_at, CASE WHEN d.acknowledged_at IS NOT NULL THEN d.acknowledged_at END, 'demo-dispatch:' || d.id::text
      FROM report_dispatches d
      JOIN reports r ON r.id = d.report_id
      JOIN users u ON u.agency_id = d.agency_id AND 'first_responder' = ANY (u.roles) AND NOT u.disabled
    ON CONFLICT (user_id, dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING`);
  created += dispatches.rowCount ?? 0;

  const assignments = await tx.execute(sql`
    INSERT INTO notifications (user_id, kind, resource_type, resource_id, params, created_at, read_at, dedupe_key)
    SELECT ca.user_id, 'case_assigned', 'case', c.id::text, jsonb_build_object('caseNumber', c.case_number),
           ca.assigned_at, ${readIfOld(sql`ca.assigned_at`)}, 'demo-assigned:' || c.id::text
      FROM case_assignments ca
      JOIN cases c ON c.id = ca.case_id
     WHERE ca.user_id <> ca.assigned_by
       AND NOT EXISTS (SELECT 1 FROM notifications n WHERE n.user_id = ca.user_id AND n.kind = 'case_assigned' AND n.resource_id = c.id::text)
    ON CONFLICT (user_id, dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING`);
  created += assignments.rowCount ?? 0;

  // Receivers hear of each referral; senders hear of each answer.
  const referrals = await tx.execute(sql`
    WITH events AS (
      SELECT u.id AS user_id, 'referral_received' AS kind, r.id, r.reference, r.urgency, r.service_type, r.sent_at AS at
        FROM referrals r JOIN users u ON u.agency_id = r.receiving_agency_id AND 'service_provider' = ANY (u.roles) AND NOT u.disabled
      UNION ALL
      SELECT r.referred_by, 'referral_accepted', r.id, r.reference, r.urgency, r.service_type, r.accepted_at
        FROM referrals r WHERE r.accepted_at IS NOT NULL
      UNION ALL
      SELECT r.referred_by, 'referral_declined', r.id, r.reference, r.urgency, r.service_type, r.declined_at
        FROM referrals r WHERE r.declined_at IS NOT NULL
    )
    INSERT INTO notifications (user_id, kind, resource_type, resource_id, params, created_at, read_at, dedupe_key)
    SELECT e.user_id, e.kind, 'referral', e.id::text,
           jsonb_build_object('reference', e.reference, 'urgency', e.urgency, 'serviceType', e.service_type),
           e.at, ${readIfOld(sql`e.at`)}, 'demo-' || e.kind || ':' || e.id::text
      FROM events e
     WHERE NOT EXISTS (SELECT 1 FROM notifications n WHERE n.user_id = e.user_id AND n.kind = e.kind AND n.resource_id = e.id::text)
    ON CONFLICT (user_id, dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING`);
  created += referrals.rowCount ?? 0;
  return created;
}
