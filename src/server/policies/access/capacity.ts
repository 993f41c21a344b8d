import { serviceProviders } from '../../db/schema/index.js';
import { sameValue, type AccessDefinition } from '../relationships.js';

/** Whose beds a user reports: the shelters (service providers) of the user's own agency. */
export const capacityAccess = {
  resource: 'capacity',
  table: serviceProviders,
  id: serviceProviders.id,
  actions: ['provider.updateCapacity'],
  relationships: {
    ownerAgency: (actor) => sameValue(serviceProviders.agencyId, actor.agencyId),
  },
} satisfies AccessDefinition;
