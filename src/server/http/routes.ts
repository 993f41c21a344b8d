import type { ZodApp } from './app.js';
import type { AppContext } from './app-context.js';
import { authRoutes } from '../auth/auth-routes.js';
import { activationRoutes } from '../auth/activation-routes.js';
import { meRoutes } from '../me/me-routes.js';
import { agencyRoutes } from '../admin/agencies/agency-routes.js';
import { userRoutes } from '../admin/users/user-routes.js';
import { roleGrantRoutes } from '../admin/users/role-grant-routes.js';
import { auditRoutes } from '../audit/audit-routes.js';
import { healthRoutes } from '../ops/health-routes.js';
import { caseApiRoutes } from '../cases/case-api.js';
import { reportRoutes } from '../reports/report-routes.js';
import { providerRoutes } from '../providers/provider-routes.js';
import { screeningRoutes } from '../screening/screening-routes.js';
import { notificationRoutes } from '../notifications/notification-routes.js';
import { referralApiRoutes } from '../referrals/referral-api.js';

/** Every API area, in one list: a reader sees the whole surface here. */
export async function registerApiRoutes(app: ZodApp, ctx: AppContext): Promise<void> {
  await healthRoutes(app, ctx);
  await authRoutes(app, ctx);
  await activationRoutes(app, ctx);
  await meRoutes(app, ctx);
  await agencyRoutes(app, ctx);
  await userRoutes(app, ctx);
  await roleGrantRoutes(app, ctx);
  await auditRoutes(app, ctx);
  // cases
  await caseApiRoutes(app, ctx);
  // reports
  await reportRoutes(app, ctx);
  // screening
  await screeningRoutes(app, ctx);
  // providers
  await providerRoutes(app, ctx);
  // referrals
  await referralApiRoutes(app, ctx);
  // notifications
  await notificationRoutes(app, ctx);
}
