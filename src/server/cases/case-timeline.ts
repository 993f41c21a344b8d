import { sql, type SQL } from 'drizzle-orm';
import type { TimelineEntry } from '@shared/api/case-timeline.js';
import type { Tx } from '../db/database.js';
import { inScope, REFERRAL_SIDES } from '../policies/access.js';
import { allowedActionsOn, type Actor } from '../policies/authorize.js';

/** More lines than any case page needs; a case past it shows the newest and says so. */
export const TIMELINE_LIMIT = 500;

/** A timestamp as JavaScript's toISOString() writes it. */
const iso = (column: SQL) => sql`to_char((${column}) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
/** A calendar day as midnight UTC, so days and moments sort on one axis. */
const day = (column: SQL) => sql`((${column})::timestamp AT TIME ZONE 'UTC')`;

type TimelineRow = {
  id: string;
  kind: TimelineEntry['kind'];
  step: string;
  at: string;
  day_only: boolean;
  resource_id: string;
  openable: boolean;
  reference: string | null;
  code: string | null;
  detail: string | null;
  actor_name: string | null;
};

/**
 * The case's timeline in one statement: a UNION ALL over the case itself (opened,
 * closed), its source reports, its screenings, its referrals (one line per step
 * reached), services delivered, consents, notes, trafficking events, support plans
 * and follow-ups done, newest first.
 *
 * The caller loaded the case in its `case.read` scope. Each branch then shows only
 * what the reader's tab for it would show: referrals through the same outgoing-side
 * condition as the case's referral list and only with `referral.list`; services only
 * with `service.list`. Reports and screenings that fed the case are named to every
 * reader of the case (a reference, a channel, an outcome: no identity), but marked
 * openable only within the reader's own scope for them. No free text is opened here:
 * a note is a line saying who wrote one, never what it says.
 */
export async function readCaseTimeline(tx: Tx, actor: Actor, caseId: string): Promise<{ items: TimelineEntry[]; truncated: boolean }> {
  const seesReferrals = allowedActionsOn(actor, ['referral.list']).length > 0;
  const seesServices = allowedActionsOn(actor, ['service.list']).length > 0;
  const referralsInScope = seesReferrals ? inScope(actor, 'referral.list', 'referral', REFERRAL_SIDES.outgoing) : sql`false`;
  const reportOpenable = allowedActionsOn(actor, ['report.read']).length > 0 ? inScope(actor, 'report.read', 'report') : sql`false`;
  const screeningOpenable = allowedActionsOn(actor, ['screening.read']).length > 0 ? inScope(actor, 'screening.read', 'screening') : sql`false`;

  const result = await tx.execute<TimelineRow>(sql`
    WITH the_case AS (SELECT * FROM cases WHERE id = ${caseId}),
    lines AS (
      SELECT 'case' AS kind, 'opened' AS step, c.created_at AS at, false AS day_only, c.id AS resource_id, true AS openable,
             c.case_number AS reference, NULL::text AS code, NULL::text AS detail, u.display_name AS actor_name
        FROM the_case c JOIN users u ON u.id = c.created_by
      UNION ALL
      SELECT 'case', 'closed', c.closed_at, false, c.id, true, NULL, c.closure_reason, c.status, NULL
        FROM the_case c WHERE c.closed_at IS NOT NULL
      UNION ALL
      SELECT 'report', 'received', reports.received_at, false, reports.id, ${reportOpenable}, reports.reference, reports.channel, reports.kind, NULL
        FROM reports
       WHERE reports.id IN (SELECT report_id FROM report_cases WHERE case_id = ${caseId} UNION SELECT source_report_id FROM the_case)
      UNION ALL
      SELECT 'screening', 'screened', ${day(sql`screenings.screened_on`)}, true, screenings.id, ${screeningOpenable},
             screenings.reference, coalesce(screenings.outcome, screenings.suggested_outcome), screenings.decision_status, NULL
        FROM screenings
       WHERE screenings.case_id = ${caseId} OR screenings.id = (SELECT source_screening_id FROM the_case)
      UNION ALL
      SELECT 'referral', s.step, s.at, false, referrals.id, true, referrals.reference, referrals.service_type, sp.name,
             CASE WHEN s.step = 'sent' THEN (SELECT display_name FROM users WHERE id = referrals.referred_by) END
        FROM referrals
        JOIN service_providers sp ON sp.id = referrals.provider_id
       CROSS JOIN LATERAL (VALUES ('sent', referrals.sent_at), ('accepted', referrals.accepted_at), ('declined', referrals.declined_at),
                                  ('started', referrals.started_at), ('completed', referrals.completed_at), ('cancelled', referrals.cancelled_at)) AS s (step, at)
       WHERE referrals.case_id = ${caseId} AND s.at IS NOT NULL AND ${referralsInScope}
      UNION ALL
      SELECT 'service', 'delivered', ${day(sql`sd.start_date`)}, true, sd.id, true, NULL, sd.service_type, sd.outcome, u.display_name
        FROM services_delivered sd JOIN users u ON u.id = sd.recorded_by
       WHERE sd.case_id = ${caseId} AND ${seesServices ? sql`true` : sql`false`}
      UNION ALL
      SELECT 'consent', s.step, s.at, false, cc.id, true, NULL, cc.type, ag.name, u.display_name
        FROM case_consents cc
        LEFT JOIN agencies ag ON ag.id = cc.agency_id
       CROSS JOIN LATERAL (VALUES ('given', cc.given_at, cc.recorded_by), ('revoked', cc.revoked_at, cc.revoked_by)) AS s (step, at, by_user)
        LEFT JOIN users u ON u.id = s.by_user
       WHERE cc.case_id = ${caseId} AND s.at IS NOT NULL
      UNION ALL
      SELECT 'note', 'written', n.created_at, false, n.id, true, NULL, NULL, NULL, u.display_name
        FROM case_notes n JOIN users u ON u.id = n.author_id
       WHERE n.case_id = ${caseId}
      UNION ALL
      SELECT 'event', 'happened', ${day(sql`coalesce(te.start_date, te.created_at::date)`)}, true, te.id, true, NULL, te.type, te.country, NULL
        FROM trafficking_events te
       WHERE te.case_id = ${caseId}
      UNION ALL
      SELECT 'support_plan', 'made', sp.created_at, false, sp.id, true, NULL, sp.type, NULL, u.display_name
        FROM support_plans sp JOIN users u ON u.id = sp.created_by
       WHERE sp.case_id = ${caseId}
      UNION ALL
      SELECT 'follow_up', 'done', f.done_at, false, f.id, true, NULL, NULL, NULL, u.display_name
        FROM case_follow_ups f LEFT JOIN users u ON u.id = f.done_by
       WHERE f.case_id = ${caseId} AND f.done_at IS NOT NULL
    )
    SELECT kind || ':' || resource_id || ':' || step AS id, kind, step, ${iso(sql`at`)} AS at, day_only, resource_id, openable,
           reference, code, detail, actor_name
      FROM lines
     ORDER BY lines.at DESC, kind, step DESC
     LIMIT ${TIMELINE_LIMIT + 1}`);

  const rows = result.rows;
  return {
    truncated: rows.length > TIMELINE_LIMIT,
    items: rows.slice(0, TIMELINE_LIMIT).map((r) => ({
      id: r.id,
      kind: r.kind,
      step: r.step,
      at: r.at,
      dayOnly: r.day_only,
      resourceId: r.resource_id,
      openable: r.openable,
      reference: r.reference,
      code: r.code,
      detail: r.detail,
      actorName: r.actor_name,
    })),
  };
}
