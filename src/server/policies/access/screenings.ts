import { ACTIONS } from '@shared/actions.js';
import { screenings } from '../../db/schema/index.js';
import { matchesActorAgency, sameValue, type AccessDefinition } from '../relationships.js';

/** Who stands to a screening: the agency that ran it, the person who did, the region it took place in. */
export const screeningAccess = {
  resource: 'screening',
  table: screenings,
  id: screenings.id,
  actions: ACTIONS.filter((action) => action.startsWith('screening.')),
  relationships: {
    ownerAgency: (actor) => sameValue(screenings.ownerAgencyId, actor.agencyId),
    creator: (actor) => sameValue(screenings.createdBy, actor.userId),
    region: (actor) => matchesActorAgency(screenings.region, actor),
  },
} satisfies AccessDefinition;
