import type { ZodApp } from '../http/app.js';
import type { AppContext } from '../http/app-context.js';
import { careRoutes } from './care-routes.js';
import { referralOversightRoutes } from './referral-oversight-routes.js';
import { referralRoutes } from './referral-routes.js';
import { worklistRoutes } from './worklist-routes.js';

/** Every route of the referral pathway after the case: referrals, services, plans, follow-ups, return, closure, work lists. */
export async function referralApiRoutes(app: ZodApp, ctx: AppContext): Promise<void> {
  await referralOversightRoutes(app, ctx);
  await referralRoutes(app, ctx);
  await careRoutes(app, ctx);
  await worklistRoutes(app, ctx);
}
