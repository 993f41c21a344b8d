import { Button, EmptyState, Paper, SegmentedControl } from '@mantine/core';
import { IconBellOff, IconChecks } from '@tabler/icons-react';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { ErrorAlert } from '../common/ErrorAlert';
import { PageTitle } from '../common/PageTitle';
import { Pager } from '../common/Pager';
import { NotificationList } from './NotificationList';
import { useMarkAllRead, useNotifications, useUnreadCount } from './notificationsApi';

const PAGE_SIZE = 20;

/** Every notification of the signed-in user, paged on the server, with an unread filter. */
export function NotificationsPage() {
  const intl = useIntl();
  const [page, setPage] = useState(1);
  const [filter, setFilter] = useState<'all' | 'unread'>('all');
  const list = useNotifications({ page, pageSize: PAGE_SIZE, unread: filter === 'unread' });
  const unread = useUnreadCount();
  const markAll = useMarkAllRead();

  return (
    <>
      <PageTitle id="notifications.title">
        <Button
          variant="light"
          leftSection={<IconChecks size={16} aria-hidden />}
          disabled={(unread.data?.count ?? 0) === 0}
          loading={markAll.isPending}
          onClick={() => markAll.mutate()}
          data-testid="notification-read-all"
        >
          <FormattedMessage id="notifications.readAll" />
        </Button>
      </PageTitle>
      <SegmentedControl
        mb="md"
        value={filter}
        onChange={(value) => {
          setFilter(value as 'all' | 'unread');
          setPage(1);
        }}
        data={[
          { value: 'all', label: intl.formatMessage({ id: 'notifications.filter.all' }) },
          { value: 'unread', label: intl.formatMessage({ id: 'notifications.filter.unread' }) },
        ]}
        aria-label={intl.formatMessage({ id: 'notifications.filter.label' })}
        data-testid="notifications-filter"
      />
      <ErrorAlert error={list.error} />
      {list.data && list.data.items.length === 0 ? (
        <EmptyState
          icon={<IconBellOff size={28} aria-hidden />}
          withIndicatorBackground
          title={intl.formatMessage({ id: filter === 'unread' ? 'notifications.emptyUnread' : 'notifications.empty' })}
          description={intl.formatMessage({ id: 'notifications.emptyHint' })}
          data-testid="notifications-empty"
        />
      ) : (
        <Paper withBorder p="xs" radius="md" data-testid="notifications-list">
          <NotificationList items={list.data?.items ?? []} />
        </Paper>
      )}
      {list.data && list.data.total > 0 && <Pager page={page} pageSize={PAGE_SIZE} total={list.data.total} onChange={setPage} />}
    </>
  );
}
