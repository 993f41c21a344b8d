import { caseTimelineApi } from '@shared/api/case-timeline.js';
import type { Router } from '../http/route.js';
import { loadCaseInScope } from './case-scope.js';
import { readCaseTimeline } from './case-timeline.js';

/** The case's timeline (the Overview tab): a read of the case, on the record like every other sub-resource. */
export function caseTimelineRoutes(router: Router): void {
  router.route(caseTimelineApi.timeline, {
    access: { action: 'case.read' },
    audit: { reads: 'case.timelineViewed', resource: 'case' },
    handler: async ({ tx, actor, params, audit }) => {
      const row = await loadCaseInScope(tx, actor, 'case.read', params.id);
      const timeline = await readCaseTimeline(tx, actor, row.id);
      audit.details({ returned: timeline.items.length });
      return timeline;
    },
  });
}
