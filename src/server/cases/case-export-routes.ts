import { Readable } from 'node:stream';
import { casesApi, type CaseListFilters, type CaseListItem } from '@shared/api/cases.js';
import { recordAudit } from '../audit/record-audit.js';
import { CSV_BOM, csvRow } from '../exports/csv.js';
import type { Router } from '../http/route.js';
import { countCases, exportPage, type CaseCursor } from './case-queries.js';

/** Rows read, decrypted and written per step: the export never holds more of the list than this. */
const EXPORT_PAGE = 500;

const COLUMNS: [string, (item: CaseListItem) => string | null][] = [
  ['case_number', (i) => i.caseNumber],
  ['person_name', (i) => i.displayName],
  ['status', (i) => i.status],
  ['trafficking_status', (i) => i.traffickingStatus],
  ['region', (i) => i.region],
  ['owner_agency', (i) => i.ownerAgencyName],
  ['case_manager', (i) => i.caseManagerName],
  ['exploitation_forms', (i) => i.exploitationForms.join('; ')],
  ['risk_level', (i) => i.riskLevel],
  ['opened_at', (i) => i.openedAt],
];

/** Which filters an export used, never their values (a search term can be a name). */
function filtersUsed(filters: CaseListFilters): string[] {
  return (['status', 'region', 'openedFrom', 'openedTo'] as const).filter((name) => filters[name] !== undefined);
}

/**
 * POST /api/cases/export: the case list as filtered and sorted on screen, as CSV. The export is its own
 * audited action (`case.exported`, with the filters used and the number of rows, never the search term),
 * recorded before the first byte. The file is streamed: each page of 500 is read in its own short
 * transaction (the embedded database has one connection, which a slow download must not hold), keyset
 * after the previous page, through the same conditions as the list; a case changed while the file is
 * written appears as it was when its page was read.
 */
export function caseExportRoutes(router: Router): void {
  router.route(casesApi.exportList, {
    access: { action: 'case.export' },
    audit: 'in-command',
    steps: true,
    handler: async ({ transaction, actor, who, body, reply, services }) => {
      // The actor is read once here: the pages are written after this body has returned.
      const { keyring } = services;
      const rows = await transaction(async (tx) => {
        const count = await countCases(tx, keyring, actor, body);
        await recordAudit(tx, who, {
          action: 'case.exported',
          resourceType: 'case',
          details: { format: 'csv', rows: count, searched: Boolean(body.q), filters: filtersUsed(body), sort: body.sort, order: body.order },
        });
        return count;
      });
      async function* lines() {
        // A byte-order mark, so spreadsheet programs read the Arabic names as UTF-8.
        yield `${CSV_BOM}${csvRow(COLUMNS.map(([name]) => name))}`;
        let cursor: CaseCursor | null = null;
        for (;;) {
          const page = await transaction((tx) => exportPage(tx, keyring, actor, body, cursor, EXPORT_PAGE));
          if (page.items.length > 0) yield page.items.map((item) => csvRow(COLUMNS.map(([, cell]) => cell(item)))).join('');
          if (!page.next) return;
          cursor = page.next;
        }
      }
      const day = new Date().toISOString().slice(0, 10);
      void reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="sanad-cases-${day}.csv"`)
        .header('x-content-type-options', 'nosniff')
        .header('x-export-rows', String(rows));
      return Readable.from(lines());
    },
  });
}
