import { adminApi } from '@shared/api/admin.js';
import type { Router } from '../../http/route.js';
import { approveRoleGrant, rejectRoleGrant } from './role-grants.js';
import { pendingGrants } from './user-presenter.js';
import { adminContext, summaryFor } from './user-routes.js';

/** Role grants waiting for a second administrator: the list, approval and rejection. */
export function roleGrantRoutes(router: Router): void {
  router.route(adminApi.pendingGrants, {
    access: { action: 'user.list' },
    audit: 'no-content',
    handler: async ({ tx, actor }) => ({ items: await pendingGrants(tx, actor.userId) }),
  });

  router.route(adminApi.approveGrant, {
    access: { action: 'user.update' },
    audit: 'in-command',
    handler: async ({ tx, actor, who, params }) => {
      const userId = await approveRoleGrant(tx, adminContext(who, actor), params.id);
      return { id: params.id, status: 'approved' as const, user: await summaryFor(tx, actor.userId, userId) };
    },
  });

  router.route(adminApi.rejectGrant, {
    access: { action: 'user.update' },
    audit: 'in-command',
    handler: async ({ tx, actor, who, params }) => {
      const userId = await rejectRoleGrant(tx, adminContext(who, actor), params.id);
      return { id: params.id, status: 'rejected' as const, user: await summaryFor(tx, actor.userId, userId) };
    },
  });
}
