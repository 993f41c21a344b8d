import { ActionIcon, Button, Divider, Group, Indicator, Popover, ScrollArea, Text } from '@mantine/core';
import { IconBell, IconChecks } from '@tabler/icons-react';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link } from 'react-router-dom';
import { NotificationList } from './NotificationList';
import { UrgentNotificationAlerts } from './UrgentNotificationAlerts';
import { useMarkAllRead, useNotificationListsFollowCount, useNotifications, useUnreadCount } from './notificationsApi';

const LATEST = 8;

/**
 * The header bell: unread count (polled), the latest notifications (urgent
 * unread ones first), and "mark all as read". While an urgent notification is
 * unread the bell itself turns red and pulses; new urgent ones are raised by
 * `UrgentNotificationAlerts`.
 */
export function NotificationBell() {
  const intl = useIntl();
  const [opened, setOpened] = useState(false);
  const unread = useUnreadCount();
  const latest = useNotifications({ page: 1, pageSize: LATEST, enabled: opened });
  const markAll = useMarkAllRead();
  const count = unread.data?.count ?? 0;
  const urgent = unread.data?.urgent ?? 0;
  useNotificationListsFollowCount(unread.data?.latestId);
  const label = [
    intl.formatMessage({ id: 'notifications.bell' }, { count }),
    ...(urgent > 0 ? [intl.formatMessage({ id: 'notifications.bellUrgent' }, { count: urgent })] : []),
  ].join(', ');

  return (
    <>
      <UrgentNotificationAlerts urgentCount={urgent} latestId={unread.data?.latestId ?? null} />
      <Popover opened={opened} onChange={setOpened} position="bottom-end" width={360} shadow="md" withinPortal trapFocus>
        {/* The target is the button itself: Popover puts aria-expanded on its target, which a plain wrapper may not carry. */}
        <Indicator
          disabled={count === 0}
          label={<span data-testid="notification-count">{intl.formatNumber(Math.min(count, 99))}{count > 99 ? '+' : ''}</span>}
          size={18}
          color="red"
          offset={4}
          processing={urgent > 0}
        >
          <Popover.Target>
            <ActionIcon
              variant={urgent > 0 ? 'filled' : 'subtle'}
              color={urgent > 0 ? 'red' : 'gray'}
              size="lg"
              aria-label={label}
              onClick={() => setOpened((o) => !o)}
              data-testid="notification-bell"
              data-urgent={urgent > 0}
            >
              <IconBell size={22} aria-hidden />
            </ActionIcon>
          </Popover.Target>
        </Indicator>
        <Popover.Dropdown p="xs" data-testid="notification-popover">
          <Group justify="space-between" px="xs" pb="xs">
            <Text fw={700} size="sm">
              <FormattedMessage id="notifications.title" />
            </Text>
            <Button
              size="compact-xs"
              variant="subtle"
              leftSection={<IconChecks size={14} aria-hidden />}
              disabled={count === 0}
              loading={markAll.isPending}
              onClick={() => markAll.mutate()}
              data-testid="notification-read-all"
            >
              <FormattedMessage id="notifications.readAll" />
            </Button>
          </Group>
          <Divider />
          <ScrollArea.Autosize mah={400} type="auto">
            {latest.data && latest.data.items.length === 0 ? (
              <Text size="sm" c="dimmed" ta="center" py="lg" data-testid="notification-empty">
                <FormattedMessage id="notifications.empty" />
              </Text>
            ) : (
              <NotificationList items={latest.data?.items ?? []} onOpen={() => setOpened(false)} />
            )}
          </ScrollArea.Autosize>
          <Divider />
          <Button component={Link} to="/notifications" variant="subtle" fullWidth size="xs" mt={4} onClick={() => setOpened(false)} data-testid="notification-see-all">
            <FormattedMessage id="notifications.seeAll" />
          </Button>
        </Popover.Dropdown>
      </Popover>
    </>
  );
}
