import { reportsApi, type ReportDetail } from '@shared/api/reports.js';
import { recordAudit, type AuditContext } from '../audit/record-audit.js';
import type { Keyring } from '../crypto/keyring.js';
import type { Tx } from '../db/database.js';
import { forbidden, notFound } from '../http/app-error.js';
import type { Router } from '../http/route.js';
import { can, type Actor } from '../policies/authorize.js';
import { closeReport, createReport, dispatchReport, loadReportForChange, triageReport, updateReport } from './report-commands.js';
import { linkReportToCase } from './report-case-links.js';
import { acknowledgeDispatch, listDispatchTargets } from './report-dispatch.js';
import { reportsPulse } from './report-pulse.js';
import { findDispatchForAgency, findReportInScope, listReports, presentReportDetail } from './report-queries.js';

/**
 * The report as the actor now sees it (after a change they made, it is still
 * in their scope). When it shows the reporter's contact to the unit an
 * emergency was sent to, that read is on the record as its own event.
 */
async function reportAsSeenBy(tx: Tx, keyring: Keyring, who: AuditContext, actor: Actor, id: string): Promise<ReportDetail> {
  const row = await findReportInScope(tx, actor, id);
  if (!row) throw notFound('Report');
  const { detail, contactDispatchId } = await presentReportDetail(tx, keyring, actor, row);
  if (contactDispatchId) {
    await recordAudit(tx, who, { action: 'report.contactViewed', resourceType: 'report', resourceId: id, details: { dispatchId: contactDispatchId } });
  }
  return detail;
}

/**
 * Reports: the hotline's work list and records, and dispatches to agencies
 * (the public form is `public-report-routes.ts`). Reports can identify
 * victims and reporters, so the list and each opened report write a read
 * row; each change writes its own audit row in its command.
 */
export function reportRoutes(router: Router): void {
  const { keyring } = router.services;

  router.route(reportsApi.list, {
    access: { action: 'report.list' },
    audit: { reads: 'report.listed', resource: 'report' },
    handler: async ({ tx, actor, query, audit }) => {
      const page = await listReports(tx, keyring, actor, query);
      // Which filters were used, and how many reports came back: the trail shows who looked over the hotline's work.
      // A search is named, never its text (a receipt code lets its holder add to the report).
      const filters = (['status', 'urgency', 'kind', 'region', 'q'] as const).filter((filter) => query[filter] !== undefined);
      audit.details({ page: query.page, filters, returned: page.items.length });
      return page;
    },
  });

  // Polled by the open queue and home work list every few seconds. It answers a content-free mark, so it
  // writes no read row (a row per poll would bury the trail); the list it triggers is audited as usual.
  // Authorized in the body against report.list, the scope the mark is computed over.
  router.route(reportsApi.pulse, {
    access: 'session',
    audit: 'no-content',
    handler: async ({ tx, actor }) => {
      if (!can(actor, 'report.list')) throw forbidden();
      return { mark: await reportsPulse(tx, actor) };
    },
  });

  router.route(reportsApi.dispatchTargets, {
    access: { action: 'report.dispatch' },
    audit: 'no-content',
    handler: async ({ tx }) => ({ items: await listDispatchTargets(tx) }),
  });

  router.route(reportsApi.create, {
    access: { action: 'report.create' },
    audit: 'in-command',
    handler: async ({ tx, actor, who, body }) => reportAsSeenBy(tx, keyring, who, actor, await createReport(tx, keyring, who, actor, body)),
  });

  router.route(reportsApi.detail, {
    access: { action: 'report.read' },
    audit: { reads: 'report.viewed', resource: 'report' },
    handler: async ({ tx, actor, who, params }) => reportAsSeenBy(tx, keyring, who, actor, params.id),
  });

  router.route(reportsApi.update, {
    access: { action: 'report.update' },
    audit: 'in-command',
    handler: async ({ tx, actor, who, params, body }) => {
      const current = await loadReportForChange(tx, actor, 'report.update', params.id, body.version);
      await updateReport(tx, keyring, who, actor, current, body);
      return reportAsSeenBy(tx, keyring, who, actor, params.id);
    },
  });

  router.route(reportsApi.triage, {
    access: { action: 'report.triage' },
    audit: 'in-command',
    handler: async ({ tx, actor, who, params, body }) => {
      const current = await loadReportForChange(tx, actor, 'report.triage', params.id, body.version);
      await triageReport(tx, who, actor, current, body);
      return reportAsSeenBy(tx, keyring, who, actor, params.id);
    },
  });

  router.route(reportsApi.dispatch, {
    access: { action: 'report.dispatch' },
    audit: 'in-command',
    handler: async ({ tx, actor, who, params, body }) => {
      const current = await loadReportForChange(tx, actor, 'report.dispatch', params.id, body.version);
      await dispatchReport(tx, who, actor, current, body);
      return reportAsSeenBy(tx, keyring, who, actor, params.id);
    },
  });

  router.route(reportsApi.acknowledgeDispatch, {
    access: { action: 'report.acknowledgeDispatch' },
    audit: 'in-command',
    handler: async ({ tx, actor, who, params }) => {
      // Only the agency the report was sent to may acknowledge; anyone else gets 404.
      if (!(await findDispatchForAgency(tx, actor, params.id, params.dispatchId))) throw notFound('Dispatch');
      await acknowledgeDispatch(tx, who, params.id, params.dispatchId, actor.userId);
      return reportAsSeenBy(tx, keyring, who, actor, params.id);
    },
  });

  router.route(reportsApi.close, {
    access: { action: 'report.close' },
    audit: 'in-command',
    handler: async ({ tx, actor, who, params, body }) => {
      const current = await loadReportForChange(tx, actor, 'report.close', params.id, body.version);
      await closeReport(tx, who, current, body);
      return reportAsSeenBy(tx, keyring, who, actor, params.id);
    },
  });

  router.route(reportsApi.linkCase, {
    access: { action: 'report.linkCase' },
    audit: 'in-command',
    handler: async ({ tx, actor, who, params, body }) => {
      await linkReportToCase(tx, who, actor, params.id, body.caseId);
      return reportAsSeenBy(tx, keyring, who, actor, params.id);
    },
  });
}
