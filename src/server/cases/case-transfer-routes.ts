import { caseTransfersApi } from '@shared/api/caseTransfers.js';
import type { Tx } from '../db/database.js';
import type { Router } from '../http/route.js';
import { idsInScope } from '../policies/access.js';
import type { Actor } from '../policies/authorize.js';
import type { Keyring } from '../crypto/keyring.js';
import { loadCaseInScope, type CaseRow } from './case-scope.js';
import { cancelTransfer, decideTransfer, loadCaseForTransfer, loadIncomingTransfer, requestTransfer } from './case-transfer.js';
import { listCaseTransfers, listIncomingTransfers, transferTargets } from './case-transfer-queries.js';

/** A case's transfers as its reader sees them, with where it may go and whether the reader may send it. */
async function transfersOf(tx: Tx, keyring: Keyring, actor: Actor, kase: CaseRow) {
  const canTransfer = (await idsInScope(tx, actor, 'case.transfer', 'case', [kase.id])).has(kase.id);
  return {
    items: await listCaseTransfers(tx, keyring, kase.id),
    targets: canTransfer ? await transferTargets(tx, kase) : [],
    canTransfer,
  };
}

/**
 * Handing a case over to another agency: the sender's side under the case
 * (/api/cases/:id/transfers), the receiver's work list and answers under
 * /api/case-transfers.
 */
export function caseTransferRoutes(router: Router): void {
  router.route(caseTransfersApi.ofCase, {
    access: { action: 'case.read' },
    audit: { reads: 'case.transfersViewed', resource: 'case' },
    handler: async ({ tx, actor, params, audit, services }) => {
      const kase = await loadCaseInScope(tx, actor, 'case.read', params.id);
      const answer = await transfersOf(tx, services.keyring, actor, kase);
      audit.details({ returned: answer.items.length });
      return answer;
    },
  });

  router.route(caseTransfersApi.request, {
    access: { action: 'case.transfer' },
    audit: 'in-command',
    handler: async ({ tx, actor, who, params, body, services }) => {
      const kase = await loadCaseForTransfer(tx, actor, params.id);
      await requestTransfer(tx, services.keyring, actor, who, kase, body);
      return transfersOf(tx, services.keyring, actor, kase);
    },
  });

  router.route(caseTransfersApi.cancel, {
    access: { action: 'case.transfer' },
    audit: 'in-command',
    handler: async ({ tx, actor, who, params, services }) => {
      const kase = await loadCaseForTransfer(tx, actor, params.id);
      await cancelTransfer(tx, actor, who, kase, params.transferId);
      return transfersOf(tx, services.keyring, actor, kase);
    },
  });

  // The receiving agency's list spans cases, so its read names none of them; it shows no identity.
  router.route(caseTransfersApi.incoming, {
    access: { action: 'case.acceptTransfer' },
    audit: { reads: 'case.transfersListed', resource: 'case' },
    handler: async ({ tx, actor, audit }) => {
      const items = await listIncomingTransfers(tx, actor);
      audit.details({ returned: items.length });
      return { items };
    },
  });

  router.route(caseTransfersApi.accept, {
    access: { action: 'case.acceptTransfer' },
    audit: 'in-command',
    handler: async ({ tx, actor, who, params }) => {
      const loaded = await loadIncomingTransfer(tx, actor, params.transferId);
      await decideTransfer(tx, actor, who, loaded, true);
      return { caseId: loaded.kase.id };
    },
  });

  router.route(caseTransfersApi.decline, {
    access: { action: 'case.acceptTransfer' },
    audit: 'in-command',
    handler: async ({ tx, actor, who, params }) => {
      await decideTransfer(tx, actor, who, await loadIncomingTransfer(tx, actor, params.transferId), false);
      return { ok: true as const };
    },
  });
}
