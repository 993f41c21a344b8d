import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { notificationsApi, type NotificationItem } from '../../shared/api/notifications';
import { call } from '../api/call';

export type { NotificationItem };

/** Every notification query starts with this key, so one invalidation refreshes the bell and the page. */
export const NOTIFICATIONS_KEY = ['notifications'] as const;
/**
 * How often the bell asks for the unread counts (a content-free answer): an
 * immediate-danger report must reach the hotline within seconds. TanStack
 * Query pauses the poll while the tab is hidden and asks again on return.
 */
export const UNREAD_POLL_MS = 10_000;

/** The signed-in user's unread counts and newest unread id, polled while the tab is visible and on focus. */
export function useUnreadCount(enabled = true) {
  return useQuery({
    queryKey: [...NOTIFICATIONS_KEY, 'unread-count'],
    queryFn: () => call(notificationsApi.unreadCount),
    refetchInterval: UNREAD_POLL_MS,
    refetchIntervalInBackground: false,
    refetchOnWindowFocus: true,
    enabled,
  });
}

/**
 * Refreshes the notification lists when the newest unread notification
 * changes (something arrived, or was read elsewhere): the lists follow the
 * poll of the counts instead of polling themselves.
 */
export function useNotificationListsFollowCount(latestId: string | null | undefined) {
  const queryClient = useQueryClient();
  const previous = useRef(latestId);
  useEffect(() => {
    if (latestId === undefined || latestId === previous.current) return;
    previous.current = latestId;
    void queryClient.invalidateQueries({ queryKey: [...NOTIFICATIONS_KEY, 'list'] });
  }, [latestId, queryClient]);
}

/** One page of the user's notifications, unread urgent ones first, then the newest (optionally unread or urgent only). */
export function useNotifications(options: { page: number; pageSize: number; unread?: boolean; urgent?: boolean; enabled?: boolean }) {
  const { page, pageSize, unread = false, urgent = false, enabled = true } = options;
  return useQuery({
    queryKey: [...NOTIFICATIONS_KEY, 'list', page, pageSize, unread, urgent],
    queryFn: () => call(notificationsApi.list, { query: { page, pageSize, unread: unread ? 'true' : undefined, urgent: urgent ? 'true' : undefined } }),
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
