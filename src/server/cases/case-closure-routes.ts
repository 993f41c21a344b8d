import { caseClosureApi } from '@shared/api/case-closure.js';
import type { Router } from '../http/route.js';
import { closeCase } from './case-closure.js';
import { loadCaseInScope } from './case-scope.js';

/** Closing a case (and, when asked, its open referrals); the command audits the closure and each cancellation. */
export function caseClosureRoutes(router: Router): void {
  router.route(caseClosureApi.close, {
    access: { action: 'case.close' },
    audit: 'in-command',
    handler: async ({ tx, actor, who, params, body, services }) => {
      // Loaded once, locked: the command checks it and counts the open referrals under this lock.
      const current = await loadCaseInScope(tx, actor, 'case.update', params.id, { forUpdate: true });
      return closeCase(tx, services.keyring, who, current, body, actor);
    },
  });
}
