import { and, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import { referralsApi, type ReferralDetail } from '@shared/api/referrals.js';
import type { Keyring } from '../crypto/keyring.js';
import type { Tx } from '../db/database.js';
import { cases, referrals } from '../db/schema/index.js';
import { inOrder } from '../db/in-order.js';
import { notFound } from '../http/app-error.js';
import type { Router } from '../http/route.js';
import { inScope, REFERRAL_SIDES } from '../policies/access.js';
import type { Actor } from '../policies/authorize.js';
import { loadCaseInScope } from '../cases/case-scope.js';
import { referCase } from './refer-case.js';
import { transitionReferral } from './referral-lifecycle.js';
import { presentReferralDetail, presentReferralListItem, QUEUE_ORDER, selectReferrals } from './referral-presenter.js';
import { loadReferralSettings } from './referral-settings.js';

/** One referral as the actor may see it (404 outside their scope). */
async function loadDetail(tx: Tx, keyring: Keyring, actor: Actor, id: string): Promise<ReferralDetail> {
  const [row] = await selectReferrals(tx, actor, 'referral.read').where(and(eq(referrals.id, id), inScope(actor, 'referral.read', 'referral')));
  if (!row) throw notFound('Referral');
  return presentReferralDetail(tx, keyring, actor, row, await loadReferralSettings(tx));
}

/**
 * Referrals: send from a case, list both directions, read the shared fields,
 * answer and cancel. Every answer that names a referral's shared values or a
 * case's referrals is a read on the record; the moves are audited by their
 * commands (refer-case.ts, referral-lifecycle.ts).
 */
export function referralRoutes(router: Router): void {
  const { keyring } = router.services;

  router.route(referralsApi.list, {
    access: { action: 'referral.list' },
    audit: { reads: 'referral.listed', resource: 'referral' },
    handler: async ({ tx, actor, query, audit }) => {
      const { page, pageSize, direction, status, caseId } = query;
      // The case filter belongs to the sending side, whose case it is. A receiver is never told
      // which case a referral is about, so for it the filter matches nothing, whatever the id:
      // the answer is the same whether or not one of its referrals belongs to that case.
      const filters: SQL[] = [caseId ? (direction === 'incoming' ? sql`false` : inScope(actor, 'referral.list', 'referral', REFERRAL_SIDES.outgoing)) : inScope(actor, 'referral.list', 'referral', direction && REFERRAL_SIDES[direction])];
      if (status) filters.push(eq(referrals.status, status));
      if (caseId) filters.push(eq(referrals.caseId, caseId));
      const where = and(...filters);
      const settings = await loadReferralSettings(tx);
      const order = direction === 'incoming' ? QUEUE_ORDER : [desc(referrals.sentAt)];
      const [rows, total] = await inOrder([
        selectReferrals(tx, actor, 'referral.list').where(where).orderBy(...order, referrals.id).limit(pageSize).offset((page - 1) * pageSize),
        tx.select({ n: count() }).from(referrals).innerJoin(cases, eq(cases.id, referrals.caseId)).where(where),
      ]);
      audit.details({ direction: direction ?? 'both', page, returned: rows.length });
      return { items: rows.map((row) => presentReferralListItem(row, settings)), total: total[0]!.n };
    },
  });

  // Reading shared fields is a read of a victim's data: on the record, with which fields were shown.
  router.route(referralsApi.get, {
    access: { action: 'referral.read' },
    audit: { reads: 'referral.viewed', resource: 'referral' },
    handler: async ({ tx, actor, params, audit }) => {
      const detail = await loadDetail(tx, keyring, actor, params.id);
      audit.details({ direction: detail.direction, fieldsShown: detail.snapshot ? detail.sharedFields : [], withheld: detail.snapshotWithheld });
      return detail;
    },
  });

  router.route(referralsApi.create, {
    access: { action: 'referral.create' },
    audit: 'in-command',
    handler: async ({ tx, actor, who, params, body }) => {
      const { id } = await referCase(tx, { keyring }, actor, who, params.id, body);
      return loadDetail(tx, keyring, actor, id);
    },
  });

  // The case's own referrals, for its referring side: a read of the case.
  router.route(referralsApi.ofCase, {
    access: { action: 'referral.list' },
    audit: { reads: 'referral.listed', resource: 'case' },
    handler: async ({ tx, actor, params, audit }) => {
      await loadCaseInScope(tx, actor, 'case.read', params.id);
      const settings = await loadReferralSettings(tx);
      const rows = await selectReferrals(tx, actor, 'referral.list')
        .where(and(eq(referrals.caseId, params.id), inScope(actor, 'referral.list', 'referral', REFERRAL_SIDES.outgoing)))
        .orderBy(desc(referrals.sentAt));
      audit.details({ returned: rows.length });
      return { items: rows.map((row) => presentReferralListItem(row, settings)), total: rows.length };
    },
  });

  // The lifecycle: the command loads the referral on the right side and audits the move.
  const respond = { action: 'referral.respond' } as const;
  router.route(referralsApi.accept, {
    access: respond,
    audit: 'in-command',
    handler: async ({ tx, actor, who, params }) => {
      await transitionReferral(tx, keyring, actor, who, params.id, { transition: 'accept' });
      return loadDetail(tx, keyring, actor, params.id);
    },
  });
  router.route(referralsApi.decline, {
    access: respond,
    audit: 'in-command',
    handler: async ({ tx, actor, who, params, body }) => {
      await transitionReferral(tx, keyring, actor, who, params.id, { transition: 'decline', body });
      return loadDetail(tx, keyring, actor, params.id);
    },
  });
  router.route(referralsApi.start, {
    access: respond,
    audit: 'in-command',
    handler: async ({ tx, actor, who, params }) => {
      await transitionReferral(tx, keyring, actor, who, params.id, { transition: 'start' });
      return loadDetail(tx, keyring, actor, params.id);
    },
  });
  router.route(referralsApi.complete, {
    access: respond,
    audit: 'in-command',
    handler: async ({ tx, actor, who, params }) => {
      await transitionReferral(tx, keyring, actor, who, params.id, { transition: 'complete' });
      return loadDetail(tx, keyring, actor, params.id);
    },
  });
  router.route(referralsApi.cancel, {
    access: { action: 'referral.cancel' },
    audit: 'in-command',
    handler: async ({ tx, actor, who, params, body }) => {
      await transitionReferral(tx, keyring, actor, who, params.id, { transition: 'cancel', body });
      return loadDetail(tx, keyring, actor, params.id);
    },
  });
}
