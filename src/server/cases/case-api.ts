import type { Router } from '../http/route.js';
import { caseDetailRoutes } from './case-detail-routes.js';
import { caseMergeRoutes } from './case-merge-routes.js';
import { caseRoutes } from './case-routes.js';

/** Every /api/cases route: the case itself, its sub-resources, duplicates and merges. */
export function caseApiRoutes(router: Router): void {
  caseRoutes(router);
  caseDetailRoutes(router);
  caseMergeRoutes(router);
}
