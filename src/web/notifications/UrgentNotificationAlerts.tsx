import { VisuallyHidden } from '@mantine/core';
import { notifications as toasts } from '@mantine/notifications';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { useNavigate } from 'react-router-dom';
import { notificationMessage } from './notificationMessage';
import { useMarkRead, useNotifications, type NotificationItem } from './notificationsApi';

/** How many unread urgent notifications are raised at once (more is an incident the bell lists in full). */
const RAISED_AT_ONCE = 5;

/**
 * Urgent notifications already raised in this page: each is raised once while
 * the app is open, and again after a reload while it is still unread (a person
 * in immediate danger is not quietly forgotten).
 */
const raised = new Set<string>();

/**
 * Raises each new urgent notification (a person in immediate danger) loudly:
 * a red toast that stays until closed or opened, and the same sentence in an
 * assertive live region for screen readers. It follows the bell's poll: the
 * urgent list is asked for only when the unread urgent count or the newest id moves.
 */
export function UrgentNotificationAlerts({ urgentCount, latestId }: { urgentCount: number; latestId: string | null }) {
  const intl = useIntl();
  const navigate = useNavigate();
  const markRead = useMarkRead();
  const [announcement, setAnnouncement] = useState('');
  const urgent = useNotifications({ page: 1, pageSize: RAISED_AT_ONCE, unread: true, urgent: true, enabled: urgentCount > 0 });

  useEffect(() => {
    const fresh = (urgent.data?.items ?? []).filter((item) => item.urgent && !item.readAt && !raised.has(item.id));
    if (fresh.length === 0) return;
    const open = (item: NotificationItem) => {
      toasts.hide(`urgent-${item.id}`);
      markRead.mutate(item.id);
      if (item.link) navigate(item.link);
    };
    for (const item of fresh) {
      raised.add(item.id);
      const message = notificationMessage(intl, item);
      toasts.show({
        id: `urgent-${item.id}`,
        color: 'red',
        withBorder: true,
        autoClose: false,
        icon: <IconAlertTriangle size={18} aria-hidden />,
        title: intl.formatMessage({ id: 'notifications.urgent.title' }),
        message,
        // The live region below speaks; the toast is for the eyes (role alert here would say it twice).
        role: 'group',
        style: { cursor: item.link ? 'pointer' : undefined },
        onClick: () => open(item),
        'data-testid': 'urgent-toast',
      } as Parameters<typeof toasts.show>[0]);
    }
    setAnnouncement(fresh.map((item) => `${intl.formatMessage({ id: 'notifications.urgent.title' })}: ${notificationMessage(intl, item)}`).join('. '));
    // `latestId` re-runs the effect when another urgent notification arrives.
  }, [urgent.data, latestId, intl, navigate, markRead]);

  return (
    <VisuallyHidden aria-live="assertive" aria-atomic="true" data-testid="urgent-announcer">
      {announcement}
    </VisuallyHidden>
  );
}
