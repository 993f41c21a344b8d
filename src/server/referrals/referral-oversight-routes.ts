import { and, asc, count, eq, isNull, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { referralsApi, type ReferralUrgency } from '@shared/api/referrals.js';
import type { ServiceType } from '@shared/api/providers.js';
import { agencies, referrals } from '../db/schema/index.js';
import { inOrder } from '../db/in-order.js';
import type { Router } from '../http/route.js';
import { reviewOverride } from './referral-lifecycle.js';
import { loadReferralSettings, saveReferralSettings } from './referral-settings.js';

const receiving = alias(agencies, 'receiving_agency');
const referring = alias(agencies, 'referring_agency');

/** Response-time settings (administrator) and the review of consent overrides (coordinator). */
export function referralOversightRoutes(router: Router): void {
  router.route(referralsApi.settings, {
    access: { action: 'referral.configure' },
    audit: 'no-content',
    handler: async ({ tx }) => loadReferralSettings(tx),
  });

  router.route(referralsApi.saveSettings, {
    access: { action: 'referral.configure' },
    audit: 'in-command',
    handler: async ({ tx, who, body }) => {
      await saveReferralSettings(tx, who, body);
      return loadReferralSettings(tx);
    },
  });

  // The coordinator sees which referrals bypassed consent, never whose case they are:
  // references, dates and agency names only, hence no read audit.
  router.route(referralsApi.overrides, {
    access: { action: 'referral.reviewOverride' },
    audit: 'no-content',
    handler: async ({ tx, query }) => {
      const { page, pageSize, pending } = query;
      const filters: SQL[] = [eq(referrals.consentOverride, true)];
      if (pending === 'true') filters.push(isNull(referrals.overrideReviewedAt));
      const where = and(...filters);
      const [rows, total] = await inOrder([
        tx
          .select({ r: referrals, receivingAgencyName: receiving.name, referringAgencyName: referring.name })
          .from(referrals)
          .innerJoin(receiving, eq(receiving.id, referrals.receivingAgencyId))
          .innerJoin(referring, eq(referring.id, referrals.referringAgencyId))
          .where(where)
          .orderBy(asc(referrals.sentAt))
          .limit(pageSize)
          .offset((page - 1) * pageSize),
        tx.select({ n: count() }).from(referrals).where(where),
      ]);
      return {
        items: rows.map(({ r, receivingAgencyName, referringAgencyName }) => ({
          id: r.id,
          reference: r.reference,
          sentAt: r.sentAt.toISOString(),
          urgency: r.urgency as ReferralUrgency,
          serviceType: r.serviceType as ServiceType,
          referringAgencyName,
          receivingAgencyName,
          reviewedAt: r.overrideReviewedAt?.toISOString() ?? null,
        })),
        total: total[0]!.n,
      };
    },
  });

  router.route(referralsApi.reviewOverride, {
    access: { action: 'referral.reviewOverride' },
    audit: 'in-command',
    handler: async ({ tx, actor, who, params }) => {
      await reviewOverride(tx, actor, who, params.id);
      return null;
    },
  });
}
