import { sql } from 'drizzle-orm';
import { ACTIONS } from '@shared/actions.js';
import { caseAssignments, caseTransfers, cases } from '../../db/schema/index.js';
import { anyOf, matchesActorAgency, sameValue, type AccessDefinition } from '../relationships.js';

/**
 * Who stands to a victim's case, and how. Assigned means the named case
 * manager or a user listed in case_assignments; a case without a case manager
 * is simply not assigned through that column (false, not NULL).
 */
export const caseAccess = {
  resource: 'case',
  table: cases,
  id: cases.id,
  actions: [...ACTIONS.filter((action) => action.startsWith('case.')), 'worklist.caseManager'],
  relationships: {
    ownerAgency: (actor) => sameValue(cases.ownerAgencyId, actor.agencyId),
    creator: (actor) => sameValue(cases.createdBy, actor.userId),
    assigned: (actor) =>
      anyOf([
        sameValue(cases.caseManagerId, actor.userId),
        sql`EXISTS (SELECT 1 FROM ${caseAssignments} WHERE ${caseAssignments.caseId} = ${cases.id} AND ${caseAssignments.userId} = ${actor.userId})`,
      ]),
    region: (actor) => matchesActorAgency(cases.region, actor),
    // The receiving agency of a pending transfer (case_transfers): it decides whether to take the case on.
    receivingAgency: (actor) =>
      sql`EXISTS (SELECT 1 FROM ${caseTransfers} WHERE ${caseTransfers.caseId} = ${cases.id} AND ${caseTransfers.toAgencyId} = ${actor.agencyId} AND ${caseTransfers.status} = 'pending')`,
  },
} satisfies AccessDefinition;
