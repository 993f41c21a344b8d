import { casesApi } from '@shared/api/cases.js';
import type { Router } from '../http/route.js';
import { assignUser, listAssignableUsers, unassignUser } from './case-assignment.js';
import { listAssignments } from './case-presenter.js';
import { loadCaseInScope } from './case-scope.js';

/**
 * Who works a case besides its owner agency: the people it may be assigned to
 * (a picker by agency and name), assigning one, and ending an assignment.
 */
export function caseAssignmentRoutes(router: Router): void {
  // The picker names users, not the person; but it answers about one case, so its reads are on that case's record.
  router.route(casesApi.assignableUsers, {
    access: { action: 'case.assign' },
    audit: { reads: 'case.assigneesListed', resource: 'case' },
    handler: async ({ tx, actor, params, query, audit }) => {
      const row = await loadCaseInScope(tx, actor, 'case.assign', params.id);
      const answer = await listAssignableUsers(tx, row, query.q);
      audit.details({ searched: Boolean(query.q), returned: answer.items.length });
      return answer;
    },
  });

  router.route(casesApi.assign, {
    access: { action: 'case.assign' },
    audit: 'in-command',
    handler: async ({ tx, actor, who, params, body }) => {
      const row = await loadCaseInScope(tx, actor, 'case.assign', params.id);
      await assignUser(tx, actor, who, row, body.userId);
      return { assignments: await listAssignments(tx, row.id) };
    },
  });

  router.route(casesApi.unassign, {
    access: { action: 'case.assign' },
    audit: 'in-command',
    handler: async ({ tx, actor, who, params }) => {
      const row = await loadCaseInScope(tx, actor, 'case.assign', params.id);
      await unassignUser(tx, who, row, params.userId);
      return null;
    },
  });
}
