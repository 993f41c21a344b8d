import type { Router } from '../http/route.js';
import { caseAssignmentRoutes } from './case-assignment-routes.js';
import { caseDetailRoutes } from './case-detail-routes.js';
import { caseMergeRoutes } from './case-merge-routes.js';
import { caseRoutes } from './case-routes.js';
import { caseTransferRoutes } from './case-transfer-routes.js';

/** Every /api/cases route: the case itself, its sub-resources, assignments, transfers to another agency, duplicates and merges. */
export function caseApiRoutes(router: Router): void {
  caseRoutes(router);
  caseDetailRoutes(router);
  caseAssignmentRoutes(router);
  caseTransferRoutes(router);
  caseMergeRoutes(router);
}
