import { casesApi } from '@shared/api/cases.js';
import type { Router } from '../http/route.js';
import { createCase, updateCase } from './case-commands.js';
import { loadCaseDetailInScope } from './case-detail-load.js';
import { presentCaseDetail } from './case-presenter.js';
import { listCaseAccessLog, listCases } from './case-queries.js';
import { loadCaseInScope } from './case-scope.js';

/** Victim cases: list, open, read and update (identity decrypted only for cases in scope). */
export function caseRoutes(router: Router): void {
  router.route(casesApi.list, {
    access: { action: 'case.list' },
    audit: { reads: 'case.listed', resource: 'case' },
    handler: async ({ tx, actor, query, audit, services }) => {
      const page = await listCases(tx, services.keyring, actor, query);
      // Which filters were used, never their values: a search term can be a name.
      const filters = [query.status && 'status', query.region && 'region', query.openedFrom && 'openedFrom', query.openedTo && 'openedTo'].filter(Boolean);
      audit.details({ page: query.page, searched: Boolean(query.q), filters, sort: query.sort, returned: page.items.length });
      return page;
    },
  });

  router.route(casesApi.create, {
    access: { action: 'case.create' },
    audit: 'in-command',
    handler: async ({ tx, actor, who, body, services }) => {
      const created = await createCase(tx, services, actor, who, body);
      const loaded = await loadCaseDetailInScope(tx, actor, 'case.read', created.id);
      return { case: presentCaseDetail(services.keyring, actor, loaded), duplicates: created.duplicates };
    },
  });

  router.route(casesApi.detail, {
    access: { action: 'case.read' },
    audit: { reads: 'case.viewed', resource: 'case' },
    handler: async ({ tx, actor, params, services }) => {
      return presentCaseDetail(services.keyring, actor, await loadCaseDetailInScope(tx, actor, 'case.read', params.id));
    },
  });

  router.route(casesApi.update, {
    access: { action: 'case.update' },
    audit: 'in-command',
    handler: async ({ tx, actor, who, params, body, services }) => {
      await updateCase(tx, services, actor, who, await loadCaseInScope(tx, actor, 'case.update', params.id), body);
      return presentCaseDetail(services.keyring, actor, await loadCaseDetailInScope(tx, actor, 'case.read', params.id));
    },
  });

  router.route(casesApi.accessLog, {
    access: { action: 'case.readAccessLog' },
    audit: { reads: 'case.accessLogViewed', resource: 'case' },
    handler: async ({ tx, actor, params, query, audit }) => {
      const row = await loadCaseInScope(tx, actor, 'case.readAccessLog', params.id);
      const log = await listCaseAccessLog(tx, row.id, query);
      audit.details({ page: query.page, returned: log.items.length });
      return log;
    },
  });
}
