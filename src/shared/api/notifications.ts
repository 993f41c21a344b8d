import { z } from 'zod';
import { NOTIFICATION_KINDS } from '../notifications.js';
import { defineContract } from './contract.js';
import { pageOf, pageQuery } from './pagination.js';

/**
 * `GET /api/notifications` filters: `unread=true` keeps the unread ones only,
 * `urgent=true` the urgent ones only (a person in immediate danger).
 * Unread urgent notifications always come first, then the newest.
 */
export const notificationListQuery = z.object({
  unread: z.enum(['true', 'false']).default('false'),
  urgent: z.enum(['true', 'false']).default('false'),
});

/** One notification as its recipient sees it; `link` is the web path of what it is about. */
export const notificationItem = z.object({
  id: z.string().uuid(),
  kind: z.enum(NOTIFICATION_KINDS),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  resourceType: z.string(),
  resourceId: z.string(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
  link: z.string().nullable(),
  /** About a person in immediate danger: shown first, in red, announced and raised as a toast. */
  urgent: z.boolean(),
});
export type NotificationItem = z.infer<typeof notificationItem>;

/**
 * What the bell polls: counts and the newest unread notification's id, so the
 * web refetches the lists only when something new arrived. No content.
 */
export const unreadCountResponse = z.object({
  count: z.number().int(),
  /** Unread urgent notifications. */
  urgent: z.number().int(),
  latestId: z.string().uuid().nullable(),
});

export const notificationIdParams = z.object({ id: z.string().uuid() });

/** How many notifications a mark-as-read changed (0 when it was already read). */
export const markReadResponse = z.object({ updated: z.number().int() });

/** The signed-in user's own notifications (every query bound to the caller). */
export const notificationsApi = {
  list: defineContract({
    method: 'GET',
    path: '/api/notifications',
    tag: 'notifications',
    query: pageQuery.extend(notificationListQuery.shape),
    response: pageOf(notificationItem),
  }),
  unreadCount: defineContract({ method: 'GET', path: '/api/notifications/unread-count', tag: 'notifications', response: unreadCountResponse }),
  markAllRead: defineContract({ method: 'POST', path: '/api/notifications/read-all', tag: 'notifications', response: markReadResponse }),
  markRead: defineContract({ method: 'POST', path: '/api/notifications/:id/read', tag: 'notifications', params: notificationIdParams, response: markReadResponse }),
};
