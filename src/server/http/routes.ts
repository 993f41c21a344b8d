import type { ZodApp } from './app.js';
import type { AppContext } from './app-context.js';
import { createRouter } from './route.js';
import { authRoutes } from '../auth/auth-routes.js';
import { meRoutes } from '../me/me-routes.js';
import { agencyRoutes } from '../admin/agencies/agency-routes.js';
import { userRoutes } from '../admin/users/user-routes.js';
import { roleGrantRoutes } from '../admin/users/role-grant-routes.js';
import { auditRoutes } from '../audit/audit-routes.js';
import { healthRoutes } from '../ops/health-routes.js';
import { caseApiRoutes } from '../cases/case-api.js';
import { caseExportRoutes } from '../cases/case-export-routes.js';
import { reportRoutes } from '../reports/report-routes.js';
import { publicReportRoutes } from '../reports/public-report-routes.js';
import { providerRoutes } from '../providers/provider-routes.js';
import { screeningRoutes } from '../screening/screening-routes.js';
import { indicatorSetRoutes } from '../screening/indicator-set-routes.js';
import { notificationRoutes } from '../notifications/notification-routes.js';
import { referralRoutes } from '../referrals/referral-routes.js';
import { referralOversightRoutes } from '../referrals/referral-oversight-routes.js';
import { careRoutes } from '../care/care-routes.js';
import { caseClosureRoutes } from '../cases/case-closure-routes.js';
import { caseTimelineRoutes } from '../cases/case-timeline-routes.js';
import { worklistRoutes } from '../worklists/worklist-routes.js';

/** Every API area, in one list: a reader sees the whole surface here. */
export async function registerApiRoutes(app: ZodApp, ctx: AppContext): Promise<void> {
  const router = createRouter(app, ctx);
  healthRoutes(router);
  authRoutes(router);
  meRoutes(router);
  agencyRoutes(router);
  userRoutes(router);
  roleGrantRoutes(router);
  auditRoutes(router);
  // cases
  caseApiRoutes(router);
  caseExportRoutes(router);
  // reports: the hotline's, then the public form (no login)
  reportRoutes(router);
  publicReportRoutes(router);
  // screening, and the indicators it asks about
  screeningRoutes(router);
  indicatorSetRoutes(router);
  // providers
  providerRoutes(router);
  // referrals, their response times and the review of consent overrides
  referralOversightRoutes(router);
  referralRoutes(router);
  // care after the case: services, support plans, follow-ups, return and reintegration
  careRoutes(router);
  // closing a case (with its open referrals)
  caseClosureRoutes(router);
  // the case's timeline (its overview)
  caseTimelineRoutes(router);
  // what each role must act on
  worklistRoutes(router);
  // notifications
  notificationRoutes(router);
}
