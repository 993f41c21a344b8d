import { providersApi } from '@shared/api/providers.js';
import type { Router } from '../http/route.js';
import { inScope } from '../policies/access.js';
import { criteriaForNeed } from './case-criteria.js';
import { createProvider, updateProvider, updateShelterCapacity } from './provider-commands.js';
import { matchProviders } from './provider-matching.js';
import { countActiveProvidersByService, listProviders, loadProvider, loadProviderRow } from './provider-queries.js';

/**
 * The service directory: look-up for every operational role, upkeep by
 * administrators, beds by the shelter. It describes organisations, never a
 * person, so reads write no audit row; each change writes its own.
 */
export function providerRoutes(router: Router): void {
  router.route(providersApi.list, {
    access: { action: 'provider.list' },
    audit: 'no-content',
    handler: async ({ tx, actor, query }) => listProviders(tx, actor, query),
  });

  router.route(providersApi.match, {
    access: { action: 'provider.match' },
    // A named case lends only its region, language and target group (nothing decrypted), and they are not identities.
    audit: 'no-content',
    handler: async ({ tx, actor, query }) => {
      const { page, pageSize, ...need } = query;
      const criteria = await criteriaForNeed(tx, actor, need);
      const result = await matchProviders(tx, actor, criteria, { page, pageSize });
      return {
        ...result,
        criteria: { service: criteria.service, region: criteria.region ?? null, targetGroup: criteria.targetGroup ?? null, language: criteria.language ?? null },
      };
    },
  });

  router.route(providersApi.one, {
    access: { action: 'provider.read' },
    audit: 'no-content',
    handler: async ({ tx, actor, params }) => loadProvider(tx, actor, params.id),
  });

  router.route(providersApi.create, {
    access: { action: 'provider.create' },
    audit: 'in-command',
    handler: async ({ tx, actor, who, body }) => loadProvider(tx, actor, await createProvider(tx, who, body)),
  });

  router.route(providersApi.update, {
    access: { action: 'provider.update' },
    audit: 'in-command',
    handler: async ({ tx, actor, who, params, body }) => {
      await updateProvider(tx, who, params.id, body);
      return loadProvider(tx, actor, params.id);
    },
  });

  router.route(providersApi.updateCapacity, {
    access: { action: 'provider.updateCapacity' },
    audit: 'in-command',
    handler: async ({ tx, actor, who, params, body }) => {
      // Another agency's shelter is simply not there for this caller.
      const shelter = await loadProviderRow(tx, actor, params.id, inScope(actor, 'provider.updateCapacity', 'capacity'));
      await updateShelterCapacity(tx, who, shelter, body);
      return loadProvider(tx, actor, shelter.provider.id);
    },
  });

  router.route(providersApi.serviceTypes, {
    access: { action: 'provider.list' },
    audit: 'no-content',
    handler: async ({ tx }) => ({ items: await countActiveProvidersByService(tx) }),
  });
}
