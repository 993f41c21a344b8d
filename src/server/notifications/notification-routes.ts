import { and, count, desc, eq, isNull, type SQL } from 'drizzle-orm';
import { notificationsApi, type NotificationItem } from '@shared/api/notifications.js';
import type { NotificationKind } from '@shared/notifications.js';
import { notifications } from '../db/schema/index.js';
import { inOrder } from '../db/in-order.js';
import { notFound } from '../http/app-error.js';
import type { Router } from '../http/route.js';
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
export function notificationRoutes(router: Router): void {
  router.route(notificationsApi.list, {
    access: 'session',
    audit: 'no-content',
    handler: async ({ tx, actor, query }) => {
      const { page, pageSize, unread } = query;
      const filters: SQL[] = [eq(notifications.userId, actor.userId)];
      if (unread === 'true') filters.push(isNull(notifications.readAt));
      const where = and(...filters);
      const [rows, total] = await inOrder([
        tx.select().from(notifications).where(where).orderBy(desc(notifications.createdAt), desc(notifications.id)).limit(pageSize).offset((page - 1) * pageSize),
        tx.select({ n: count() }).from(notifications).where(where),
      ]);
      return { items: rows.map(presentNotification), total: total[0]!.n };
    },
  });

  router.route(notificationsApi.unreadCount, {
    access: 'session',
    audit: 'no-content',
    handler: async ({ tx, actor }) => {
      const [row] = await tx.select({ n: count() }).from(notifications).where(and(eq(notifications.userId, actor.userId), isNull(notifications.readAt)));
      return { count: row!.n };
    },
  });

  router.route(notificationsApi.markAllRead, {
    access: 'session',
    audit: 'no-content',
    handler: async ({ tx, actor }) => {
      const updated = await tx
        .update(notifications)
        .set({ readAt: new Date() })
        .where(and(eq(notifications.userId, actor.userId), isNull(notifications.readAt)))
        .returning({ id: notifications.id });
      return { updated: updated.length };
    },
  });

  router.route(notificationsApi.markRead, {
    access: 'session',
    audit: 'no-content',
    handler: async ({ tx, actor, params }) => {
      const mine = and(eq(notifications.id, params.id), eq(notifications.userId, actor.userId));
      const updated = await tx.update(notifications).set({ readAt: new Date() }).where(and(mine, isNull(notifications.readAt))).returning({ id: notifications.id });
      if (updated.length > 0) return { updated: 1 };
      // Already read is fine (idempotent); someone else's, or none, is not found.
      const [existing] = await tx.select({ id: notifications.id }).from(notifications).where(mine);
      if (!existing) throw notFound('Notification');
      return { updated: 0 };
    },
  });
}
