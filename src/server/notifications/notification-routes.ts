import { and, count, desc, eq, isNull, type SQL } from 'drizzle-orm';
import { pageOf, pageQuery } from '@shared/api/pagination.js';
import { markReadResponse, notificationIdParams, notificationItem, notificationListQuery, unreadCountResponse, type NotificationItem } from '@shared/api/notifications.js';
import type { NotificationKind } from '@shared/notifications.js';
import { notifications } from '../db/schema/index.js';
import type { ZodApp } from '../http/app.js';
import type { AppContext } from '../http/app-context.js';
import { notFound } from '../http/app-error.js';
import { actorOf } from '../http/request-context.js';
import { notificationLink } from './notification-links.js';

type NotificationRow = typeof notifications.$inferSelect;

/** Presents one notification for its recipient, with the web path it opens. */
export function presentNotification(row: NotificationRow): NotificationItem {
  return {
    id: row.id,
    kind: row.kind as NotificationKind,
    params: row.params,
    resourceType: row.resourceType,
    resourceId: row.resourceId,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
    link: notificationLink(row.resourceType, row.resourceId),
  };
}

/**
 * The signed-in user's own notifications. Every query is bound to the caller's
 * user id in SQL, so another user's notification is simply not found (404).
 * Notifications carry no identity (case numbers and dates only), hence
 * `session` access for every role and no read audit.
 */
export async function notificationRoutes(app: ZodApp, ctx: AppContext): Promise<void> {
  const { db } = ctx.database;

  app.get('/api/notifications', {
    config: { access: 'session' },
    schema: { tags: ['notifications'], querystring: pageQuery.extend(notificationListQuery.shape), response: { 200: pageOf(notificationItem) } },
    handler: async (request) => {
      const { userId } = actorOf(request);
      const { page, pageSize, unread } = request.query;
      const filters: SQL[] = [eq(notifications.userId, userId)];
      if (unread === 'true') filters.push(isNull(notifications.readAt));
      const where = and(...filters);
      const [rows, total] = await Promise.all([
        db.select().from(notifications).where(where).orderBy(desc(notifications.createdAt), desc(notifications.id)).limit(pageSize).offset((page - 1) * pageSize),
        db.select({ n: count() }).from(notifications).where(where),
      ]);
      return { items: rows.map(presentNotification), total: total[0]!.n };
    },
  });

  app.get('/api/notifications/unread-count', {
    config: { access: 'session' },
    schema: { tags: ['notifications'], response: { 200: unreadCountResponse } },
    handler: async (request) => {
      const { userId } = actorOf(request);
      const [row] = await db.select({ n: count() }).from(notifications).where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
      return { count: row!.n };
    },
  });

  app.post('/api/notifications/read-all', {
    config: { access: 'session' },
    schema: { tags: ['notifications'], response: { 200: markReadResponse } },
    handler: async (request) => {
      const { userId } = actorOf(request);
      const updated = await db
        .update(notifications)
        .set({ readAt: new Date() })
        .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
        .returning({ id: notifications.id });
      return { updated: updated.length };
    },
  });

  app.post('/api/notifications/:id/read', {
    config: { access: 'session' },
    schema: { tags: ['notifications'], params: notificationIdParams, response: { 200: markReadResponse } },
    handler: async (request) => {
      const { userId } = actorOf(request);
      const mine = and(eq(notifications.id, request.params.id), eq(notifications.userId, userId));
      const updated = await db.update(notifications).set({ readAt: new Date() }).where(and(mine, isNull(notifications.readAt))).returning({ id: notifications.id });
      if (updated.length > 0) return { updated: 1 };
      // Already read is fine (idempotent); someone else's, or none, is not found.
      const [existing] = await db.select({ id: notifications.id }).from(notifications).where(mine);
      if (!existing) throw notFound('Notification');
      return { updated: 0 };
    },
  });
}
