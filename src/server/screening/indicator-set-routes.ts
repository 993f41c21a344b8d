import { indicatorSetsApi } from '@shared/api/screening.js';
import type { Router } from '../http/route.js';
import { createNextIndicatorSetVersion, listIndicatorSetVersions, loadCurrentIndicatorSet, loadIndicatorSet } from './indicator-sets.js';

/**
 * The versioned identification indicators: read by responders, edited (as a
 * new version) by administrators. Indicator wording is no one's personal data.
 */
export function indicatorSetRoutes(router: Router): void {
  router.route(indicatorSetsApi.current, {
    access: { action: 'screening.readIndicators' },
    audit: 'no-content',
    // Seeds version 1 on first use (audited as the system), so a fresh deployment can screen at once.
    handler: async ({ tx }) => loadCurrentIndicatorSet(tx),
  });

  router.route(indicatorSetsApi.versions, {
    access: { action: 'screening.readIndicators' },
    audit: 'no-content',
    handler: async ({ tx }) => ({ items: await listIndicatorSetVersions(tx) }),
  });

  router.route(indicatorSetsApi.one, {
    access: { action: 'screening.readIndicators' },
    audit: 'no-content',
    handler: async ({ tx, params }) => loadIndicatorSet(tx, params.id),
  });

  router.route(indicatorSetsApi.nextVersion, {
    access: { action: 'screening.editIndicators' },
    audit: 'in-command',
    handler: async ({ tx, actor, who, params, body }) => loadIndicatorSet(tx, await createNextIndicatorSetVersion(tx, actor, who, params.id, body)),
  });
}
