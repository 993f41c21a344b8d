import { Group, Stack, Text, ThemeIcon, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { IconAlertTriangle, IconBell, IconBriefcase, IconCalendarTime, IconCheck, IconGitMerge, IconInbox, IconSend, IconShieldCheck, IconShieldLock, IconX, type Icon } from '@tabler/icons-react';
import type { NotificationKind } from '../../shared/notifications';
import { useIntl } from 'react-intl';
import { useNavigate } from 'react-router-dom';
import { notificationMessage } from './notificationMessage';
import { useMarkRead, type NotificationItem } from './notificationsApi';

const KIND_ICON: Record<NotificationKind, { icon: Icon; color: string }> = {
  referral_received: { icon: IconSend, color: 'teal' },
  referral_accepted: { icon: IconCheck, color: 'green' },
  referral_declined: { icon: IconX, color: 'orange' },
  referral_overdue: { icon: IconAlertTriangle, color: 'red' },
  followup_overdue: { icon: IconAlertTriangle, color: 'red' },
  reflection_period_ending: { icon: IconCalendarTime, color: 'yellow' },
  case_assigned: { icon: IconBriefcase, color: 'blue' },
  dispatch_received: { icon: IconBell, color: 'red' },
  merge_requested: { icon: IconGitMerge, color: 'grape' },
  role_grant_requested: { icon: IconShieldLock, color: 'orange' },
  role_grant_approved: { icon: IconShieldCheck, color: 'teal' },
  public_report_received: { icon: IconInbox, color: 'blue' },
  public_report_danger: { icon: IconAlertTriangle, color: 'red' },
  override_flagged: { icon: IconAlertTriangle, color: 'orange' },
};

/**
 * Notifications as a list of buttons: opening one marks it read and goes to
 * what it is about. Unread ones are bold and marked for screen readers too;
 * urgent unread ones (the server lists them first) are red and say so.
 */
export function NotificationList({ items, onOpen }: { items: NotificationItem[]; onOpen?: () => void }) {
  const intl = useIntl();
  const navigate = useNavigate();
  const markRead = useMarkRead();
  const open = (item: NotificationItem) => {
    if (!item.readAt) markRead.mutate(item.id);
    onOpen?.();
    if (item.link) navigate(item.link);
  };
  return (
    <Stack gap={2} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {items.map((item) => {
        const { icon: KindIcon, color } = KIND_ICON[item.kind] ?? { icon: IconBell, color: 'gray' };
        const unread = !item.readAt;
        const loud = unread && item.urgent;
        return (
          <li key={item.id}>
            <UnstyledButton
              onClick={() => open(item)}
              w="100%"
              p="xs"
              style={{
                borderRadius: 'var(--mantine-radius-sm)',
                background: loud ? 'var(--mantine-color-red-light)' : unread ? 'var(--mantine-color-teal-light)' : undefined,
                borderInlineStart: loud ? '4px solid var(--mantine-color-red-filled)' : undefined,
              }}
              data-testid="notification-item"
              data-kind={item.kind}
              data-unread={unread}
              data-urgent={item.urgent}
            >
              <Group gap="sm" wrap="nowrap" align="flex-start">
                <ThemeIcon variant={loud ? 'filled' : 'light'} color={loud ? 'red' : color} size="md" radius="xl" aria-hidden>
                  <KindIcon size={16} />
                </ThemeIcon>
                <Stack gap={0} style={{ flex: 1, minWidth: 0 }}>
                  <Text size="sm" fw={unread ? 700 : 400} c={loud ? 'red.9' : undefined}>
                    {unread && <VisuallyHidden component="span">{intl.formatMessage({ id: loud ? 'notifications.urgentMark' : 'notifications.unreadMark' })}</VisuallyHidden>}
                    {notificationMessage(intl, item)}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {intl.formatDate(item.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}
                  </Text>
                </Stack>
              </Group>
            </UnstyledButton>
          </li>
        );
      })}
    </Stack>
  );
}
