import { adminApi, type AuditEvent } from '@shared/api/admin.js';
import { auditEventPage, auditFilters } from './audit-queries.js';
import type { auditEvents } from '../db/schema/index.js';
import type { Router } from '../http/route.js';
import { auditExportRoute } from './audit-export.js';
import { recordAudit } from './record-audit.js';

type AuditRow = typeof auditEvents.$inferSelect & { agencyName: string | null; actorName: string | null; resourceLabel: string | null };

/** Presents one audit row for the auditor screen. */
export function presentAuditEvent(row: AuditRow): AuditEvent {
  return {
    id: row.id.toString(),
    occurredAt: row.occurredAt.toISOString(),
    actorUsername: row.actorUsername,
    actorRole: row.actorRole,
    actorName: row.actorName,
    agencyName: row.agencyName,
    action: row.action,
    resourceType: row.resourceType,
    resourceId: row.resourceId,
    resourceLabel: row.resourceLabel,
    outcome: row.outcome,
    ip: row.ip,
    userAgent: row.userAgent,
    changedFields: row.changedFields,
  };
}

/** Which filters a read of the trail used: their names, which is enough to reconstruct what was looked for. */
export function auditFiltersUsed(query: Record<string, unknown>): string[] {
  return Object.keys(query).filter((key) => key !== 'page' && key !== 'pageSize' && query[key] !== undefined && query[key] !== '');
}

/** The auditor's view of the trail, its export and its integrity check. */
export function auditRoutes(router: Router): void {
  // Reading the trail is itself an auditable act (the declared read).
  router.route(adminApi.listAudit, {
    access: { action: 'audit.read' },
    audit: { reads: 'audit.read', resource: 'audit' },
    handler: async ({ tx, query, audit }) => {
      const { page, pageSize } = query;
      const { rows, total } = await auditEventPage(tx, auditFilters(query), { page, pageSize });
      audit.details({ page, filters: auditFiltersUsed(query) });
      return { items: rows.map((r) => presentAuditEvent({ ...r.event, agencyName: r.agencyName, actorName: r.actorName, resourceLabel: r.resourceLabel })), total };
    },
  });

  auditExportRoute(router);

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
