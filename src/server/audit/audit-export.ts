import { Readable } from 'node:stream';
import { adminApi } from '@shared/api/admin.js';
import { count } from 'drizzle-orm';
import { auditEvents } from '../db/schema/index.js';
import { CSV_BOM, csvRow } from '../exports/csv.js';
import type { Router } from '../http/route.js';
import { auditEventsBefore, auditFilters } from './audit-queries.js';
import { auditFiltersUsed } from './audit-routes.js';
import { recordAudit } from './record-audit.js';

/** Events read per step: the export never holds more of the trail than this. */
const EXPORT_PAGE = 1000;

const HEADER = ['id', 'occurred_at', 'actor_username', 'actor_name', 'actor_role', 'actor_agency', 'action', 'resource_type', 'resource_id', 'resource_label', 'outcome', 'ip', 'changed_fields'];

/**
 * POST /api/audit/export: the trail as filtered on screen, as CSV. Exporting the trail is itself recorded
 * (`audit.exported`, with the filters used and the row count) before the first byte; the file is written in
 * steps of 1,000 events, each read in its own short transaction, newest first by keyset on the event id.
 */
export function auditExportRoute(router: Router): void {
  router.route(adminApi.exportAudit, {
    access: { action: 'audit.read' },
    audit: 'in-command',
    steps: true,
    handler: async ({ transaction, who, body, reply }) => {
      const where = auditFilters(body);
      const rows = await transaction(async (tx) => {
        const [total] = await tx.select({ n: count() }).from(auditEvents).where(where);
        await recordAudit(tx, who, { action: 'audit.exported', resourceType: 'audit', details: { format: 'csv', rows: total!.n, filters: auditFiltersUsed(body) } });
        return total!.n;
      });
      async function* lines() {
        yield `${CSV_BOM}${csvRow(HEADER)}`;
        let before: bigint | null = null;
        for (;;) {
          const page = await transaction((tx) => auditEventsBefore(tx, where, before, EXPORT_PAGE));
          if (page.length === 0) return;
          yield page
            .map(({ event, agencyName, actorName, resourceLabel }) =>
              csvRow([
                event.id.toString(), event.occurredAt.toISOString(), event.actorUsername, actorName, event.actorRole, agencyName, event.action,
                event.resourceType, event.resourceId, resourceLabel, event.outcome, event.ip, event.changedFields.join('; '),
              ]),
            )
            .join('');
          if (page.length < EXPORT_PAGE) return;
          before = page[page.length - 1]!.event.id;
        }
      }
      const day = new Date().toISOString().slice(0, 10);
      void reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="sanad-audit-${day}.csv"`)
        .header('x-content-type-options', 'nosniff')
        .header('x-export-rows', String(rows));
      return Readable.from(lines());
    },
  });
}
