import { ActionIcon, Button, Divider, Group, Indicator, Popover, ScrollArea, Text } from '@mantine/core';
import { IconBell, IconChecks } from '@tabler/icons-react';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link } from 'react-router-dom';
import { NotificationList } from './NotificationList';
import { useMarkAllRead, useNotifications, useUnreadCount } from './notificationsApi';

const LATEST = 8;

/** The header bell: unread count (polled), the latest notifications, and "mark all as read". */
export function NotificationBell() {
  const intl = useIntl();
  const [opened, setOpened] = useState(false);
  const unread = useUnreadCount();
  const latest = useNotifications({ page: 1, pageSize: LATEST, enabled: opened });
  const markAll = useMarkAllRead();
  const count = unread.data?.count ?? 0;
  const label = intl.formatMessage({ id: 'notifications.bell' }, { count });

  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" width={360} shadow="md" withinPortal trapFocus>
      <Popover.Target>
        <Indicator
          disabled={count === 0}
          label={<span data-testid="notification-count">{intl.formatNumber(Math.min(count, 99))}{count > 99 ? '+' : ''}</span>}
          size={18}
          color="red"
          offset={4}
        >
          <ActionIcon variant="subtle" color="gray" size="lg" aria-label={label} onClick={() => setOpened((o) => !o)} data-testid="notification-bell">
            <IconBell size={22} aria-hidden />
          </ActionIcon>
        </Indicator>
      </Popover.Target>
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
  );
}
