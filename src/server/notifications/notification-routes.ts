import { and, count, desc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { notificationsApi, type NotificationItem } from '@shared/api/notifications.js';
import type { NotificationKind } from '@shared/notifications.js';
import { notifications } from '../db/schema/index.js';
import { inOrder } from '../db/in-order.js';
import { notFound } from '../http/app-error.js';
import type { Router } from '../http/route.js';
import { notificationLink } from './notification-links.js';
import { isUrgentNotification, urgentNotification } from './notification-urgency.js';

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
    urgent: isUrgentNotification(row),
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
      const { page, pageSize, unread, urgent } = query;
      const filters: SQL[] = [eq(notifications.userId, actor.userId)];
      if (unread === 'true') filters.push(isNull(notifications.readAt));
      if (urgent === 'true') filters.push(urgentNotification);
      const where = and(...filters);
      // A person in immediate danger is never below the fold: unread urgent ones first, then the newest.
      const urgentUnreadFirst = sql`CASE WHEN ${notifications.readAt} IS NULL AND ${urgentNotification} THEN 0 ELSE 1 END`;
      const [rows, total] = await inOrder([
        tx
          .select()
          .from(notifications)
          .where(where)
          .orderBy(urgentUnreadFirst, desc(notifications.createdAt), desc(notifications.id))
          .limit(pageSize)
          .offset((page - 1) * pageSize),
        tx.select({ n: count() }).from(notifications).where(where),
      ]);
      return { items: rows.map(presentNotification), total: total[0]!.n };
    },
  });

  router.route(notificationsApi.unreadCount, {
    access: 'session',
    audit: 'no-content',
    handler: async ({ tx, actor }) => {
      // One row: the counts and the newest unread id (the web polls this and refetches lists only when it moves).
      const [row] = await tx
        .select({
          n: count(),
          urgent: sql<number>`count(*) FILTER (WHERE ${urgentNotification})::int`,
          latestId: sql<string | null>`(array_agg(${notifications.id} ORDER BY ${notifications.createdAt} DESC, ${notifications.id} DESC))[1]`,
        })
        .from(notifications)
        .where(and(eq(notifications.userId, actor.userId), isNull(notifications.readAt)));
      return { count: row!.n, urgent: row!.urgent, latestId: row!.latestId ?? null };
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
