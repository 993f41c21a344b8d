import { and, eq, ilike, type SQL } from 'drizzle-orm';
import { adminApi, type AuditEvent } from '@shared/api/admin.js';
import { auditEventPage } from './audit-queries.js';
import { auditEvents } from '../db/schema/index.js';
import type { Router } from '../http/route.js';
import { recordAudit } from './record-audit.js';

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
export function auditRoutes(router: Router): void {
  // Reading the trail is itself an auditable act (the declared read).
  router.route(adminApi.listAudit, {
    access: { action: 'audit.read' },
    audit: { reads: 'audit.read', resource: 'audit' },
    handler: async ({ tx, query, audit }) => {
      const { page, pageSize, action, actor, resourceId } = query;
      const filters: SQL[] = [];
      if (action) filters.push(eq(auditEvents.action, action));
      if (actor) filters.push(ilike(auditEvents.actorUsername, `${actor}%`));
      if (resourceId) filters.push(eq(auditEvents.resourceId, resourceId));
      const where = filters.length ? and(...filters) : undefined;
      const { rows, total } = await auditEventPage(tx, where, { page, pageSize });
      audit.details({ page, filters: Object.keys(query).filter((key) => key !== 'page' && key !== 'pageSize' && query[key as keyof typeof query]) });
      return { items: rows.map((r) => presentAuditEvent({ ...r.event, agencyName: r.agencyName })), total };
    },
  });

  // Steps: the check walks the whole trail on its own connection, then the result goes on the record.
  router.route(adminApi.verifyAudit, {
    access: { action: 'audit.verify' },
    audit: 'in-command',
    steps: true,
    handler: async ({ transaction, services, who }) => {
      const result = await services.verifyAuditTrail();
      await transaction((tx) =>
        recordAudit(tx, who, { action: 'audit.verified', outcome: result.ok ? 'success' : 'failure', details: { checked: result.checked, firstBrokenId: result.firstBrokenId } }),
      );
      return result;
    },
  });
}
