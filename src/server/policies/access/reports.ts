import { sql } from 'drizzle-orm';
import { ACTIONS } from '@shared/actions.js';
import { reportDispatches, reports } from '../../db/schema/index.js';
import { matchesActorAgency, sameValue, type AccessDefinition } from '../relationships.js';

/**
 * Who stands to a report. Public reports have no owner agency and no creator:
 * through those relationships they match nobody (false, not NULL). A report
 * dispatched to an agency (an emergency sent to a police unit) is reached by
 * that agency through `dispatchedTo`.
 */
export const reportAccess = {
  resource: 'report',
  table: reports,
  id: reports.id,
  actions: ACTIONS.filter((action) => action.startsWith('report.')),
  relationships: {
    ownerAgency: (actor) => sameValue(reports.ownerAgencyId, actor.agencyId),
    creator: (actor) => sameValue(reports.createdBy, actor.userId),
    dispatchedTo: (actor) =>
      sql`EXISTS (SELECT 1 FROM ${reportDispatches} WHERE ${reportDispatches.reportId} = ${reports.id} AND ${reportDispatches.agencyId} = ${actor.agencyId})`,
    region: (actor) => matchesActorAgency(reports.region, actor),
  },
} satisfies AccessDefinition;
