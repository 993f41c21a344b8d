import type { ZodApp } from '../http/app.js';
import type { AppContext } from '../http/app-context.js';
import { caseDetailRoutes } from './case-detail-routes.js';
import { caseMergeRoutes } from './case-merge-routes.js';
import { caseRoutes } from './case-routes.js';

/** Every /api/cases route: the case itself, its sub-resources, duplicates and merges. */
export async function caseApiRoutes(app: ZodApp, ctx: AppContext): Promise<void> {
  await caseRoutes(app, ctx);
  await caseDetailRoutes(app, ctx);
  await caseMergeRoutes(app, ctx);
}
