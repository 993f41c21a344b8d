import { z } from 'zod';
import { pageOf, pageQuery } from '@shared/api/pagination.js';
import {
  closeReportBody,
  createReportBody,
  dispatchReportBody,
  dispatchTarget,
  linkCaseBody,
  reportDetail,
  reportListQuery,
  reportSummary,
  triageReportBody,
  updateReportBody,
  type ReportDetail,
} from '@shared/api/reports.js';
import type { ZodApp } from '../http/app.js';
import type { AppContext } from '../http/app-context.js';
import { notFound } from '../http/app-error.js';
import { actorOf, auditContextOf } from '../http/request-context.js';
import { recordAudit } from '../audit/record-audit.js';
import type { Actor } from '../policies/authorize.js';
import { closeReport, createReport, dispatchReport, triageReport, updateReport } from './report-commands.js';
import { linkReportToCase } from './report-case-links.js';
import { acknowledgeDispatch, listDispatchTargets } from './report-dispatch.js';
import { findDispatchForAgency, findReportInScope, listReports, presentReportDetail } from './report-queries.js';
import { publicReportRoutes } from './public-report-routes.js';

const idParams = z.object({ id: z.string().uuid() });
const dispatchParams = idParams.extend({ dispatchId: z.string().uuid() });
const tags = ['reports'];

/** Reports: the hotline's work list and records, dispatches to agencies, and the public form. */
export async function reportRoutes(app: ZodApp, ctx: AppContext): Promise<void> {
  const { db } = ctx.database;

  /** The report as the actor now sees it (after a change they made, it is still in their scope). */
  async function detailFor(actor: Actor, id: string): Promise<ReportDetail> {
    const row = await findReportInScope(db, actor, id);
    if (!row) throw notFound('Report');
    return presentReportDetail(db, ctx.keyring, actor, row);
  }

  app.get('/api/reports', {
    config: { access: { action: 'report.list' } },
    schema: { tags, querystring: pageQuery.extend(reportListQuery.shape), response: { 200: pageOf(reportSummary) } },
    handler: async (request) => listReports(db, actorOf(request), request.query),
  });

  app.get('/api/reports/dispatch-targets', {
    config: { access: { action: 'report.dispatch' } },
    schema: { tags, response: { 200: z.object({ items: z.array(dispatchTarget) }) } },
    handler: async () => ({ items: await listDispatchTargets(db) }),
  });

  app.post('/api/reports', {
    config: { access: { action: 'report.create' } },
    schema: { tags, body: createReportBody, response: { 201: reportDetail } },
    handler: async (request, reply) => {
      const actor = actorOf(request);
      const id = await db.transaction((tx) => createReport(tx, ctx.keyring, auditContextOf(request), actor, request.body));
      return reply.status(201).send(await detailFor(actor, id));
    },
  });

  app.get('/api/reports/:id', {
    config: { access: { action: 'report.read' } },
    schema: { tags, params: idParams, response: { 200: reportDetail } },
    handler: async (request) => {
      const actor = actorOf(request);
      // Reading a report (its narrative can identify people) is itself recorded.
      return db.transaction(async (tx) => {
        const row = await findReportInScope(tx, actor, request.params.id);
        if (!row) throw notFound('Report');
        await recordAudit(tx, auditContextOf(request), { action: 'report.viewed', resourceType: 'report', resourceId: row.id });
        return presentReportDetail(tx, ctx.keyring, actor, row);
      });
    },
  });

  app.patch('/api/reports/:id', {
    config: { access: { action: 'report.update' } },
    schema: { tags, params: idParams, body: updateReportBody, response: { 200: reportDetail } },
    handler: async (request) => {
      const actor = actorOf(request);
      await db.transaction((tx) => updateReport(tx, ctx.keyring, auditContextOf(request), actor, request.params.id, request.body));
      return detailFor(actor, request.params.id);
    },
  });

  app.post('/api/reports/:id/triage', {
    config: { access: { action: 'report.triage' } },
    schema: { tags, params: idParams, body: triageReportBody, response: { 200: reportDetail } },
    handler: async (request) => {
      const actor = actorOf(request);
      await db.transaction((tx) => triageReport(tx, auditContextOf(request), actor, request.params.id, request.body));
      return detailFor(actor, request.params.id);
    },
  });

  app.post('/api/reports/:id/dispatches', {
    config: { access: { action: 'report.dispatch' } },
    schema: { tags, params: idParams, body: dispatchReportBody, response: { 200: reportDetail } },
    handler: async (request) => {
      const actor = actorOf(request);
      await db.transaction((tx) => dispatchReport(tx, auditContextOf(request), actor, request.params.id, request.body));
      return detailFor(actor, request.params.id);
    },
  });

  app.post('/api/reports/:id/dispatches/:dispatchId/acknowledge', {
    config: { access: { action: 'report.acknowledgeDispatch' } },
    schema: { tags, params: dispatchParams, response: { 200: reportDetail } },
    handler: async (request) => {
      const actor = actorOf(request);
      const { id, dispatchId } = request.params;
      await db.transaction(async (tx) => {
        // Only the agency the report was sent to may acknowledge; anyone else gets 404.
        if (!(await findDispatchForAgency(tx, actor, id, dispatchId))) throw notFound('Dispatch');
        await acknowledgeDispatch(tx, auditContextOf(request), id, dispatchId, actor.userId);
      });
      return detailFor(actor, id);
    },
  });

  app.post('/api/reports/:id/close', {
    config: { access: { action: 'report.close' } },
    schema: { tags, params: idParams, body: closeReportBody, response: { 200: reportDetail } },
    handler: async (request) => {
      const actor = actorOf(request);
      await db.transaction((tx) => closeReport(tx, auditContextOf(request), actor, request.params.id, request.body));
      return detailFor(actor, request.params.id);
    },
  });

  app.post('/api/reports/:id/cases', {
    config: { access: { action: 'report.linkCase' } },
    schema: { tags, params: idParams, body: linkCaseBody, response: { 200: reportDetail } },
    handler: async (request) => {
      const actor = actorOf(request);
      await db.transaction((tx) => linkReportToCase(tx, auditContextOf(request), actor, request.params.id, request.body.caseId));
      return detailFor(actor, request.params.id);
    },
  });

  await publicReportRoutes(app, ctx);
}
