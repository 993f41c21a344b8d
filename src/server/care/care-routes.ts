import { careApi } from '@shared/api/care.js';
import type { Tx } from '../db/database.js';
import { AppError } from '../http/app-error.js';
import type { Router } from '../http/route.js';
import type { Actor } from '../policies/authorize.js';
import { loadCaseInScope, type CaseRow } from '../cases/case-scope.js';
import { loadReferralInScope } from '../referrals/referral-scope.js';
import { completeFollowUp, createFollowUp, createSupportPlan, listFollowUps, listSupportPlans, updateSupportPlan } from './care-plans.js';
import { listServices, recordServiceOnCase, recordServiceOnReferral, servicesOfCase, servicesOfReferrals } from './services-delivered.js';
import { loadReturnPlan, saveReturnPlan } from './voluntary-return.js';

/** The case for a write by a case worker: in their update scope, and not a merged (read-only) duplicate. */
async function workableCase(tx: Tx, actor: Actor, caseId: string): Promise<CaseRow> {
  const row = await loadCaseInScope(tx, actor, 'case.update', caseId);
  if (row.mergedIntoCaseId) throw new AppError('CONFLICT', 'This case was merged into another one and is read-only', { reason: 'case_merged' });
  return row;
}

/**
 * Services delivered, support plans, follow-ups, voluntary return and
 * reintegration of a case. Reading any of them is a read of the case (audited
 * on it); every change is audited by its command, which answers the whole list.
 */
export function careRoutes(router: Router): void {
  const { keyring } = router.services;

  // --- services delivered ---
  router.route(careApi.caseServices, {
    access: { action: 'service.list' },
    audit: { reads: 'service.listed', resource: 'case' },
    handler: async ({ tx, actor, params, audit }) => {
      await loadCaseInScope(tx, actor, 'case.read', params.id);
      const items = await listServices(tx, keyring, servicesOfCase(params.id));
      audit.details({ returned: items.length });
      return { items };
    },
  });

  router.route(careApi.recordCaseService, {
    access: { action: 'service.record' },
    audit: 'in-command',
    handler: async ({ tx, actor, who, params, body }) => {
      await workableCase(tx, actor, params.id);
      await recordServiceOnCase(tx, keyring, actor, who, params.id, body);
      return { items: await listServices(tx, keyring, servicesOfCase(params.id)) };
    },
  });

  // A provider sees the services on its referral, not the case's other services.
  router.route(careApi.referralServices, {
    access: { action: 'service.list' },
    audit: { reads: 'service.listed', resource: 'referral' },
    handler: async ({ tx, actor, params, audit }) => {
      const { referral } = await loadReferralInScope(tx, actor, 'service.list', params.id);
      const items = await listServices(tx, keyring, servicesOfReferrals([referral.id]));
      audit.details({ returned: items.length });
      return { items };
    },
  });

  router.route(careApi.recordReferralService, {
    access: { action: 'service.record' },
    audit: 'in-command',
    handler: async ({ tx, actor, who, params, body }) => {
      await recordServiceOnReferral(tx, keyring, actor, who, params.id, body);
      return { items: await listServices(tx, keyring, servicesOfReferrals([params.id])) };
    },
  });

  // --- support plans (spl_) ---
  router.route(careApi.supportPlans, {
    access: { action: 'case.read' },
    audit: { reads: 'supportPlan.listed', resource: 'case' },
    handler: async ({ tx, actor, params, audit }) => {
      await loadCaseInScope(tx, actor, 'case.read', params.id);
      const items = await listSupportPlans(tx, keyring, params.id);
      audit.details({ returned: items.length });
      return { items };
    },
  });

  router.route(careApi.createSupportPlan, {
    access: { action: 'supportPlan.manage' },
    audit: 'in-command',
    handler: async ({ tx, actor, who, params, body }) => {
      await workableCase(tx, actor, params.id);
      await createSupportPlan(tx, keyring, actor.userId, who, params.id, body);
      return { items: await listSupportPlans(tx, keyring, params.id) };
    },
  });

  router.route(careApi.updateSupportPlan, {
    access: { action: 'supportPlan.manage' },
    audit: 'in-command',
    handler: async ({ tx, actor, who, params, body }) => {
      await workableCase(tx, actor, params.id);
      await updateSupportPlan(tx, keyring, who, params.id, params.planId, body);
      return { items: await listSupportPlans(tx, keyring, params.id) };
    },
  });

  // --- follow-ups ---
  router.route(careApi.followUps, {
    access: { action: 'case.read' },
    audit: { reads: 'followUp.listed', resource: 'case' },
    handler: async ({ tx, actor, params, audit }) => {
      await loadCaseInScope(tx, actor, 'case.read', params.id);
      const items = await listFollowUps(tx, keyring, params.id);
      audit.details({ returned: items.length });
      return { items };
    },
  });

  router.route(careApi.createFollowUp, {
    access: { action: 'followUp.manage' },
    audit: 'in-command',
    handler: async ({ tx, actor, who, params, body }) => {
      await workableCase(tx, actor, params.id);
      await createFollowUp(tx, keyring, actor.userId, who, params.id, body);
      return { items: await listFollowUps(tx, keyring, params.id) };
    },
  });

  router.route(careApi.completeFollowUp, {
    access: { action: 'followUp.manage' },
    audit: 'in-command',
    handler: async ({ tx, actor, who, params, body }) => {
      await workableCase(tx, actor, params.id);
      await completeFollowUp(tx, keyring, actor.userId, who, params.id, params.followUpId, body.outcomeNote);
      return { items: await listFollowUps(tx, keyring, params.id) };
    },
  });

  // --- voluntary return and reintegration ---
  router.route(careApi.returnPlan, {
    access: { action: 'case.read' },
    audit: { reads: 'return.viewed', resource: 'case' },
    handler: async ({ tx, actor, params, audit }) => {
      await loadCaseInScope(tx, actor, 'case.read', params.id);
      const plan = await loadReturnPlan(tx, keyring, params.id);
      audit.details({ found: plan !== null });
      return { plan };
    },
  });

  router.route(careApi.saveReturnPlan, {
    access: { action: 'return.manage' },
    audit: 'in-command',
    handler: async ({ tx, actor, who, params, body }) => {
      await workableCase(tx, actor, params.id);
      await saveReturnPlan(tx, keyring, actor.userId, who, params.id, body);
      return { plan: await loadReturnPlan(tx, keyring, params.id) };
    },
  });
}
