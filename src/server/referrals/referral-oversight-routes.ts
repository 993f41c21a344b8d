import { and, asc, count, eq, isNull, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { pageOf, pageQuery } from '@shared/api/pagination.js';
import { overrideReviewItem, referralSettings } from '@shared/api/referrals.js';
import type { ServiceType } from '@shared/api/providers.js';
import { agencies, referrals } from '../db/schema/index.js';
import type { ZodApp } from '../http/app.js';
import type { AppContext } from '../http/app-context.js';
import { actorOf, auditContextOf } from '../http/request-context.js';
import { reviewOverride } from './referral-lifecycle.js';
import { loadReferralSettings, saveReferralSettings } from './referral-settings.js';

const idParams = z.object({ id: z.string().uuid() });
const receiving = alias(agencies, 'receiving_agency');
const referring = alias(agencies, 'referring_agency');

/** Response-time settings (administrator) and the review of consent overrides (coordinator). */
export async function referralOversightRoutes(app: ZodApp, ctx: AppContext): Promise<void> {
  const { db } = ctx.database;

  app.get('/api/referrals/settings', {
    config: { access: { action: 'referral.configure' } },
    schema: { tags: ['referrals'], response: { 200: referralSettings } },
    handler: async () => loadReferralSettings(db),
  });

  app.put('/api/referrals/settings', {
    config: { access: { action: 'referral.configure' } },
    schema: { tags: ['referrals'], body: referralSettings, response: { 200: referralSettings } },
    handler: async (request) =>
      db.transaction(async (tx) => {
        await saveReferralSettings(tx, auditContextOf(request), request.body);
        return loadReferralSettings(tx);
      }),
  });

  // The coordinator sees which referrals bypassed consent, never whose case they are.
  app.get('/api/referrals/overrides', {
    config: { access: { action: 'referral.reviewOverride' } },
    schema: { tags: ['referrals'], querystring: pageQuery.extend({ pending: z.enum(['true', 'false']).default('true') }), response: { 200: pageOf(overrideReviewItem) } },
    handler: async (request) => {
      const { page, pageSize, pending } = request.query;
      const filters: SQL[] = [eq(referrals.consentOverride, true)];
      if (pending === 'true') filters.push(isNull(referrals.overrideReviewedAt));
      const where = and(...filters);
      const [rows, total] = await Promise.all([
        db
          .select({ r: referrals, receivingAgencyName: receiving.name, referringAgencyName: referring.name })
          .from(referrals)
          .innerJoin(receiving, eq(receiving.id, referrals.receivingAgencyId))
          .innerJoin(referring, eq(referring.id, referrals.referringAgencyId))
          .where(where)
          .orderBy(asc(referrals.sentAt))
          .limit(pageSize)
          .offset((page - 1) * pageSize),
        db.select({ n: count() }).from(referrals).where(where),
      ]);
      return {
        items: rows.map(({ r, receivingAgencyName, referringAgencyName }) => ({
          id: r.id,
          reference: r.reference,
          sentAt: r.sentAt.toISOString(),
          urgency: r.urgency as 'emergency',
          serviceType: r.serviceType as ServiceType,
          referringAgencyName,
          receivingAgencyName,
          reviewedAt: r.overrideReviewedAt?.toISOString() ?? null,
        })),
        total: total[0]!.n,
      };
    },
  });

  app.post('/api/referrals/:id/override-review', {
    config: { access: { action: 'referral.reviewOverride' } },
    schema: { tags: ['referrals'], params: idParams, response: { 204: z.null() } },
    handler: async (request, reply) => {
      await db.transaction(async (tx) => reviewOverride(tx, actorOf(request), auditContextOf(request), request.params.id));
      return reply.status(204).send(null);
    },
  });
}
