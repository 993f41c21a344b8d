import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { notificationsApi, type NotificationItem } from '../../shared/api/notifications';
import { call } from '../api/call';

export type { NotificationItem };

/** Every notification query starts with this key, so one invalidation refreshes the bell and the page. */
export const NOTIFICATIONS_KEY = ['notifications'] as const;
/** How often the bell asks for the unread count; TanStack Query pauses it while the tab is hidden. */
export const UNREAD_POLL_MS = 30_000;

/** The signed-in user's unread count, polled while the tab is visible. */
export function useUnreadCount(enabled = true) {
  return useQuery({
    queryKey: [...NOTIFICATIONS_KEY, 'unread-count'],
    queryFn: () => call(notificationsApi.unreadCount),
    refetchInterval: UNREAD_POLL_MS,
    refetchIntervalInBackground: false,
    enabled,
  });
}

/** One page of the user's notifications, newest first (optionally unread only). */
export function useNotifications(options: { page: number; pageSize: number; unread?: boolean; enabled?: boolean }) {
  const { page, pageSize, unread = false, enabled = true } = options;
  return useQuery({
    queryKey: [...NOTIFICATIONS_KEY, 'list', page, pageSize, unread],
    queryFn: () => call(notificationsApi.list, { query: { page, pageSize, unread: unread ? 'true' : undefined } }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Marks one notification as read; refreshes the count and lists. */
export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call(notificationsApi.markRead, { params: { id } }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: NOTIFICATIONS_KEY }),
  });
}

/** Marks every notification of the user as read. */
export function useMarkAllRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => call(notificationsApi.markAllRead),
    onSettled: () => queryClient.invalidateQueries({ queryKey: NOTIFICATIONS_KEY }),
  });
}
