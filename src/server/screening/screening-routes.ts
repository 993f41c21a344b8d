import { screeningsApi, type ScreeningDetail } from '@shared/api/screening.js';
import type { Keyring } from '../crypto/keyring.js';
import type { Tx } from '../db/database.js';
import type { Router } from '../http/route.js';
import type { Actor } from '../policies/authorize.js';
import { createScreening, decideScreening, openCaseFromScreening } from './screening-commands.js';
import { nextStepsFor } from './next-steps.js';
import { proactiveCoverage, screeningCoverage } from './screening-coverage.js';
import { listScreenings, presentScreeningDetail } from './screening-queries.js';
import { loadScreeningInScope } from './screening-scope.js';

/** The screening as the actor now sees it, with its answers (404 outside their scope). */
async function screeningAsSeenBy(tx: Tx, keyring: Keyring, actor: Actor, id: string): Promise<ScreeningDetail> {
  return presentScreeningDetail(tx, keyring, actor, await loadScreeningInScope(tx, actor, 'screening.read', id));
}

/**
 * Screening interviews (no identity, but each about one person), the
 * responder's decision, opening a case, and coverage counts. The list and each
 * opened screening (the answers about a person) write a read row; counts carry
 * no record. Each change writes its own audit row in its command.
 */
export function screeningRoutes(router: Router): void {
  const { services } = router;

  router.route(screeningsApi.list, {
    access: { action: 'screening.list' },
    audit: { reads: 'screening.listed', resource: 'screening' },
    handler: async ({ tx, actor, query, audit }) => {
      const page = await listScreenings(tx, actor, query);
      const filters = (['outcome', 'context', 'reference'] as const).filter((filter) => query[filter] !== undefined);
      audit.details({ page: query.page, filters, returned: page.items.length });
      return page;
    },
  });

  router.route(screeningsApi.coverage, {
    access: { action: 'screening.coverage' },
    audit: 'no-content',
    handler: async ({ tx, actor, query }) => screeningCoverage(tx, actor, query),
  });

  // De-identified counts (region, agency, outcome): no record, no identity.
  router.route(screeningsApi.proactiveCoverage, {
    access: { action: 'screening.coverage' },
    audit: 'no-content',
    handler: async ({ tx, actor, query }) => proactiveCoverage(tx, actor, query),
  });

  // Reveals the screening's outcome, so it is a read of the screening like opening it.
  router.route(screeningsApi.nextSteps, {
    access: { action: 'screening.read' },
    audit: { reads: 'screening.viewed', resource: 'screening' },
    handler: async ({ tx, actor, params, audit }) => {
      const steps = await nextStepsFor(tx, actor, await loadScreeningInScope(tx, actor, 'screening.read', params.id));
      audit.details({ view: 'nextSteps', applies: steps.applies });
      return steps;
    },
  });

  router.route(screeningsApi.create, {
    access: { action: 'screening.create' },
    audit: 'in-command',
    handler: async ({ tx, actor, who, body }) => {
      const id = await createScreening(tx, actor, who, body);
      // Saved with its decision in the same transaction: the interview and its outcome are on record together, or not at all.
      if (body.decision) {
        await decideScreening(tx, services, actor, who, await loadScreeningInScope(tx, actor, 'screening.decide', id, { forUpdate: true }), { version: 1, ...body.decision });
      }
      return screeningAsSeenBy(tx, services.keyring, actor, id);
    },
  });

  router.route(screeningsApi.detail, {
    access: { action: 'screening.read' },
    audit: { reads: 'screening.viewed', resource: 'screening' },
    handler: async ({ tx, actor, params }) => screeningAsSeenBy(tx, services.keyring, actor, params.id),
  });

  router.route(screeningsApi.decide, {
    access: { action: 'screening.decide' },
    audit: 'in-command',
    handler: async ({ tx, actor, who, params, body }) => {
      // Locked: the decision and a case opened from it must not interleave.
      await decideScreening(tx, services, actor, who, await loadScreeningInScope(tx, actor, 'screening.decide', params.id, { forUpdate: true }), body);
      return screeningAsSeenBy(tx, services.keyring, actor, params.id);
    },
  });

  router.route(screeningsApi.openCase, {
    access: { action: 'screening.openCase' },
    audit: 'in-command',
    handler: async ({ tx, actor, who, params, body }) =>
      openCaseFromScreening(tx, services, actor, who, await loadScreeningInScope(tx, actor, 'screening.openCase', params.id, { forUpdate: true }), body),
  });
}
