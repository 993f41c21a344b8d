import { and, count, desc, eq, ilike, type SQL } from 'drizzle-orm';
import { auditEvent, auditListQuery, auditVerifyResponse, type AuditEvent } from '@shared/api/admin.js';
import { pageOf, pageQuery } from '@shared/api/pagination.js';
import { agencies, auditEvents } from '../db/schema/index.js';
import type { ZodApp } from '../http/app.js';
import type { AppContext } from '../http/app-context.js';
import { auditContextOf } from '../http/request-context.js';
import { recordAuditStandalone } from './record-audit.js';
import { verifyAuditChain } from './verify-chain.js';

type AuditRow = typeof auditEvents.$inferSelect & { agencyName: string | null };

/** Presents one audit row for the auditor screen. */
export function presentAuditEvent(row: AuditRow): AuditEvent {
  return {
    id: row.id.toString(),
    occurredAt: row.occurredAt.toISOString(),
    actorUsername: row.actorUsername,
    actorRole: row.actorRole,
    agencyName: row.agencyName,
    action: row.action,
    resourceType: row.resourceType,
    resourceId: row.resourceId,
    outcome: row.outcome,
    ip: row.ip,
    userAgent: row.userAgent,
    changedFields: row.changedFields,
  };
}

/** The auditor's view of the trail and its integrity check. */
export async function auditRoutes(app: ZodApp, ctx: AppContext): Promise<void> {
  const { db } = ctx.database;

  app.get('/api/audit', {
    config: { access: { action: 'audit.read' } },
    schema: { tags: ['audit'], querystring: pageQuery.extend(auditListQuery.shape), response: { 200: pageOf(auditEvent) } },
    handler: async (request) => {
      const { page, pageSize, action, actor, resourceId } = request.query;
      const filters: SQL[] = [];
      if (action) filters.push(eq(auditEvents.action, action));
      if (actor) filters.push(ilike(auditEvents.actorUsername, `${actor}%`));
      if (resourceId) filters.push(eq(auditEvents.resourceId, resourceId));
      const where = filters.length ? and(...filters) : undefined;
      const [rows, total] = await Promise.all([
        db
          .select({ event: auditEvents, agencyName: agencies.name })
          .from(auditEvents)
          .leftJoin(agencies, eq(agencies.id, auditEvents.actorAgencyId))
          .where(where)
          .orderBy(desc(auditEvents.id))
          .limit(pageSize)
          .offset((page - 1) * pageSize),
        db.select({ n: count() }).from(auditEvents).where(where),
      ]);
      // Reading the trail is itself an auditable act.
      await recordAuditStandalone(db, auditContextOf(request), { action: 'audit.read', details: { page, filters: Object.keys(request.query) } });
      return { items: rows.map((r) => presentAuditEvent({ ...r.event, agencyName: r.agencyName })), total: total[0]!.n };
    },
  });

  app.get('/api/audit/verify', {
    config: { access: { action: 'audit.verify' } },
    schema: { tags: ['audit'], response: { 200: auditVerifyResponse } },
    handler: async (request) => {
      const result = await verifyAuditChain(ctx.database.pool, { keyring: ctx.keyring });
      await recordAuditStandalone(db, auditContextOf(request), {
        action: 'audit.verified',
        outcome: result.ok ? 'success' : 'failure',
        details: { checked: result.checked, firstBrokenId: result.firstBrokenId },
      });
      return result;
    },
  });
}
