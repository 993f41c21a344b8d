import { z } from 'zod';
import { roleGrant, roleGrantDecision } from '@shared/api/admin.js';
import type { ZodApp } from '../../http/app.js';
import type { AppContext } from '../../http/app-context.js';
import { actorOf } from '../../http/request-context.js';
import { approveRoleGrant, rejectRoleGrant } from './role-grants.js';
import { pendingGrants } from './user-presenter.js';
import { adminContextOf, summaryFor } from './user-routes.js';

const idParams = z.object({ id: z.string().uuid() });

/** Role grants waiting for a second administrator: the list, approval and rejection. */
export async function roleGrantRoutes(app: ZodApp, ctx: AppContext): Promise<void> {
  const { db } = ctx.database;

  app.get('/api/role-grants', {
    config: { access: { action: 'user.list' } },
    schema: { tags: ['admin'], response: { 200: z.object({ items: z.array(roleGrant) }) } },
    handler: async (request) => ({ items: await pendingGrants(db, actorOf(request).userId) }),
  });

  app.post('/api/role-grants/:id/approve', {
    config: { access: { action: 'user.update' } },
    schema: { tags: ['admin'], params: idParams, response: { 200: roleGrantDecision } },
    handler: async (request) => {
      const userId = await db.transaction((tx) => approveRoleGrant(tx, adminContextOf(request), request.params.id));
      return { id: request.params.id, status: 'approved' as const, user: await summaryFor(db, request, userId) };
    },
  });

  app.post('/api/role-grants/:id/reject', {
    config: { access: { action: 'user.update' } },
    schema: { tags: ['admin'], params: idParams, response: { 200: roleGrantDecision } },
    handler: async (request) => {
      const userId = await db.transaction((tx) => rejectRoleGrant(tx, adminContextOf(request), request.params.id));
      return { id: request.params.id, status: 'rejected' as const, user: await summaryFor(db, request, userId) };
    },
  });
}
