import { casesApi } from '@shared/api/cases.js';
import type { Router } from '../http/route.js';
import { loadCaseInScope } from './case-scope.js';
import { findDuplicateCandidates } from './duplicates.js';
import { decideMerge, listMergeRequests, loadMergeRequestInScope, requestMerge } from './merge.js';

/**
 * Duplicate candidates across agencies and the merge requests that resolve
 * them. Candidates and requests name other cases (and, where the caller may
 * open them, their people): every read of them is on the record.
 */
export function caseMergeRoutes(router: Router): void {
  router.route(casesApi.duplicates, {
    access: { action: 'case.read' },
    audit: { reads: 'case.duplicatesFound', resource: 'case' },
    handler: async ({ tx, actor, params, audit, services }) => {
      const row = await loadCaseInScope(tx, actor, 'case.read', params.id);
      const items = await findDuplicateCandidates(tx, services.keyring, actor, row.id);
      audit.details({ candidates: items.length });
      return { items };
    },
  });

  router.route(casesApi.mergeRequests, {
    access: { action: 'case.read' },
    audit: { reads: 'case.mergeRequestsViewed', resource: 'case' },
    handler: async ({ tx, actor, params, audit }) => {
      const row = await loadCaseInScope(tx, actor, 'case.read', params.id);
      const items = await listMergeRequests(tx, actor, row.id);
      audit.details({ returned: items.length });
      return { items };
    },
  });

  router.route(casesApi.requestMerge, {
    access: { action: 'case.requestMerge' },
    audit: 'in-command',
    handler: async ({ tx, actor, who, params, body, services }) => {
      const source = await loadCaseInScope(tx, actor, 'case.requestMerge', params.id);
      await requestMerge(tx, services.keyring, actor, who, source, body.targetCaseId);
      return { items: await listMergeRequests(tx, actor, source.id) };
    },
  });

  // The owner's work list spans cases, so its read names none of them.
  router.route(casesApi.mergeWorklist, {
    access: { action: 'case.merge' },
    audit: { reads: 'case.mergeRequestsListed', resource: 'case' },
    handler: async ({ tx, actor, audit }) => {
      const items = await listMergeRequests(tx, actor);
      audit.details({ returned: items.length });
      return { items };
    },
  });

  router.route(casesApi.acceptMerge, {
    access: { action: 'case.merge' },
    audit: 'in-command',
    handler: async ({ tx, actor, who, params }) => {
      await decideMerge(tx, actor, who, await loadMergeRequestInScope(tx, actor, params.requestId), true);
      return { ok: true as const };
    },
  });

  router.route(casesApi.declineMerge, {
    access: { action: 'case.merge' },
    audit: 'in-command',
    handler: async ({ tx, actor, who, params }) => {
      await decideMerge(tx, actor, who, await loadMergeRequestInScope(tx, actor, params.requestId), false);
      return { ok: true as const };
    },
  });
}
