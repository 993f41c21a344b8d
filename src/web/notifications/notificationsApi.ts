import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { NotificationItem } from '../../shared/api/notifications';
import { api, withQuery } from '../api/client';

export type { NotificationItem };

/** Every notification query starts with this key, so one invalidation refreshes the bell and the page. */
export const NOTIFICATIONS_KEY = ['notifications'] as const;
/** How often the bell asks for the unread count; TanStack Query pauses it while the tab is hidden. */
export const UNREAD_POLL_MS = 30_000;

/** The signed-in user's unread count, polled while the tab is visible. */
export function useUnreadCount(enabled = true) {
  return useQuery({
    queryKey: [...NOTIFICATIONS_KEY, 'unread-count'],
    queryFn: () => api.get<{ count: number }>('/api/notifications/unread-count'),
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
    queryFn: () =>
      api.get<{ items: NotificationItem[]; total: number }>(withQuery('/api/notifications', { page, pageSize, unread: unread ? 'true' : undefined })),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Marks one notification as read; refreshes the count and lists. */
export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<{ updated: number }>(`/api/notifications/${id}/read`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: NOTIFICATIONS_KEY }),
  });
}

/** Marks every notification of the user as read. */
export function useMarkAllRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ updated: number }>('/api/notifications/read-all'),
    onSettled: () => queryClient.invalidateQueries({ queryKey: NOTIFICATIONS_KEY }),
  });
}
