import { and, count, desc, eq, gte, isNotNull, lte, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { ServiceType } from '@shared/api/providers.js';
import type { ReferralStatus, ReferralUrgency } from '@shared/api/referrals.js';
import type { NationalReferralItem, NationalReferralState, NotReferredBreakdown } from '@shared/api/worklists.js';
import type { Tx } from '../db/database.js';
import { inOrder } from '../db/in-order.js';
import { localizedName, localizedNameOf } from '../db/localized-name.js';
import { agencies, referrals } from '../db/schema/index.js';
import type { Actor } from '../policies/authorize.js';
import { dueAtExpression, dueAtOf, loadReferralSettings } from '../referrals/referral-settings.js';
import { ACCEPTANCE_WINDOW_DAYS, NOT_YET_REFERRED } from './pathway-health.js';

/**
 * What stands behind the coordinator's tiles, for a role that sees no identity: referrals as
 * references, dates, services and agencies (never the case, its number or a shared value), and
 * the victims not yet referred as counts per agency. The filters are the tiles' own definitions
 * (pathway-health.ts), so a tile's number is the total of the list it opens.
 */

const receiving = alias(agencies, 'receiving_agency');
const referring = alias(agencies, 'referring_agency');

/** The referrals behind a tile: waiting (sent, unanswered), overdue (waiting past their due time), accepted in the window. */
export async function nationalReferrals(
  tx: Tx,
  actor: Actor,
  query: { page: number; pageSize: number; state?: NationalReferralState | undefined; urgency?: ReferralUrgency | undefined },
  now = new Date(),
): Promise<{ items: NationalReferralItem[]; total: number }> {
  const settings = await loadReferralSettings(tx);
  const dueAt = dueAtExpression(settings);
  const nowIso = now.toISOString();
  const filters: SQL[] = [];
  if (query.state === 'waiting') filters.push(eq(referrals.status, 'sent'));
  if (query.state === 'overdue') filters.push(eq(referrals.status, 'sent'), sql`${dueAt} <= ${nowIso}::timestamptz`);
  if (query.state === 'accepted') {
    const since = new Date(now.getTime() - ACCEPTANCE_WINDOW_DAYS * 86_400_000);
    filters.push(isNotNull(referrals.acceptedAt), gte(referrals.acceptedAt, since), lte(referrals.acceptedAt, now));
  }
  if (query.urgency) filters.push(eq(referrals.urgency, query.urgency));
  const where = filters.length ? and(...filters) : undefined;
  // Waiting lists read oldest first (the longest wait on top); accepted ones newest first.
  const order = query.state === 'accepted' ? [desc(referrals.acceptedAt)] : query.state ? [referrals.sentAt] : [desc(referrals.sentAt)];
  const [rows, total] = await inOrder([
    tx
      .select({
        id: referrals.id,
        reference: referrals.reference,
        status: referrals.status,
        urgency: referrals.urgency,
        serviceType: referrals.serviceType,
        referringAgencyName: localizedName(referring, actor),
        receivingAgencyName: localizedName(receiving, actor),
        sentAt: referrals.sentAt,
        acceptedAt: referrals.acceptedAt,
        consentOverride: referrals.consentOverride,
      })
      .from(referrals)
      .innerJoin(receiving, eq(receiving.id, referrals.receivingAgencyId))
      .innerJoin(referring, eq(referring.id, referrals.referringAgencyId))
      .where(where)
      .orderBy(...order, referrals.id)
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    tx.select({ n: count() }).from(referrals).where(where),
  ]);
  return {
    items: rows.map((r) => {
      const due = dueAtOf(settings, r.sentAt, r.urgency);
      return {
        id: r.id,
        reference: r.reference,
        status: r.status as ReferralStatus,
        urgency: r.urgency as ReferralUrgency,
        serviceType: r.serviceType as ServiceType,
        referringAgencyName: r.referringAgencyName,
        receivingAgencyName: r.receivingAgencyName,
        sentAt: r.sentAt.toISOString(),
        dueAt: due.toISOString(),
        overdue: r.status === 'sent' && due <= now,
        acceptedAt: r.acceptedAt?.toISOString() ?? null,
        minutesToAcceptance: r.acceptedAt ? Math.round((r.acceptedAt.getTime() - r.sentAt.getTime()) / 60_000) : null,
        consentOverride: r.consentOverride,
      };
    }),
    total: total[0]!.n,
  };
}

/** Victims not yet referred, counted per owner agency (one aggregate; no row leaves the database). */
export async function notReferredByAgency(tx: Tx, actor: Actor): Promise<NotReferredBreakdown> {
  const result = await tx.execute<{ agency_id: string; agency_name: string; presumed: number; identified: number; total: number }>(sql`
    SELECT ag.id AS agency_id, ${localizedNameOf('ag', actor)} AS agency_name,
           count(*) FILTER (WHERE c.trafficking_status = 'presumed')::int AS presumed,
           count(*) FILTER (WHERE c.trafficking_status = 'identified')::int AS identified,
           count(*)::int AS total
      FROM cases c
      JOIN agencies ag ON ag.id = c.owner_agency_id
     WHERE ${NOT_YET_REFERRED}
     GROUP BY ag.id
     ORDER BY total DESC, agency_name`);
  const byAgency = result.rows.map((r) => ({ agencyId: r.agency_id, agencyName: r.agency_name, presumed: r.presumed, identified: r.identified, total: r.total }));
  return { total: byAgency.reduce((sum, row) => sum + row.total, 0), byAgency };
}
