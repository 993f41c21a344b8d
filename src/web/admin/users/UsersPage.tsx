import { Badge, Button, Group, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconHourglassHigh, IconPlus, IconSearch } from '@tabler/icons-react';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { adminApi, type UserSummary, type UserWithActivationCode } from '../../../shared/api/admin';
import { call } from '../../api/call';
import { hasPermission, useMe } from '../../api/session';
import { ConfirmModal } from '../../common/ConfirmModal';
import { ErrorAlert } from '../../common/ErrorAlert';
import { PageTitle } from '../../common/PageTitle';
import { Pager } from '../../common/Pager';
import { ActivationCodeModal } from './ActivationCodeModal';
import { isolate } from './isolate';
import { PendingGrants } from './PendingGrants';
import { UserActions, type UserAction } from './UserActions';
import { UserFormModal } from './UserFormModal';

const PAGE_SIZE = 25;

/** What each confirmable action asks, says when done, and sends. */
const ACTIONS: Record<UserAction, { titleId: string; confirmId: string; doneId: string; run: (user: UserSummary) => Promise<unknown> }> = {
  disable: {
    titleId: 'users.disableTitle',
    confirmId: 'users.disableConfirm',
    doneId: 'users.disabledDone',
    run: (user) => call(adminApi.updateUser, { params: { id: user.id }, body: { disabled: true } }),
  },
  enable: {
    titleId: 'users.enableTitle',
    confirmId: 'users.enableConfirm',
    doneId: 'users.enabledDone',
    run: (user) => call(adminApi.updateUser, { params: { id: user.id }, body: { disabled: false } }),
  },
  reset2fa: {
    titleId: 'users.reset2faTitle',
    confirmId: 'users.reset2faConfirm',
    doneId: 'users.reset2faDone',
    run: (user) => call(adminApi.resetTwoFactor, { params: { id: user.id } }),
  },
  // Sanad's "reset password": the administrator never sets one, they hand over a new one-time code.
  activation: {
    titleId: 'users.newActivationTitle',
    confirmId: 'users.newActivationConfirm',
    doneId: 'common.saved',
    run: (user) => call(adminApi.reissueActivation, { params: { id: user.id } }),
  },
};

/** Users admin: role grants awaiting approval, search, create (with an activation code), edit, disable/enable, reset 2FA, new activation code. */
export function UsersPage() {
  const intl = useIntl();
  const me = useMe().data;
  const queryClient = useQueryClient();
  const [page, setPage] = useState(1);
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [editing, setEditing] = useState<UserSummary | 'new' | null>(null);
  const [pending, setPending] = useState<{ action: UserAction; user: UserSummary } | null>(null);
  const [issued, setIssued] = useState<UserWithActivationCode | null>(null);

  const users = useQuery({
    queryKey: ['users', page, q],
    queryFn: () => call(adminApi.listUsers, { query: { page, pageSize: PAGE_SIZE, q: q || undefined } }),
    placeholderData: keepPreviousData,
  });

  const refresh = (messageId: string) => {
    void queryClient.invalidateQueries({ queryKey: ['users'] });
    notifications.show({ color: 'teal', message: intl.formatMessage({ id: messageId }) });
  };
  const pendingAction = pending ? ACTIONS[pending.action] : null;

  return (
    <>
      <PageTitle id="users.title">
        {hasPermission(me, 'user.create') && (
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')} data-testid="user-create">
            <FormattedMessage id="users.create" />
          </Button>
        )}
      </PageTitle>
      {hasPermission(me, 'user.update') && <PendingGrants viewerId={me?.user.id} />}
      <TextInput
        mb="md"
        maw={360}
        type="search"
        label={intl.formatMessage({ id: 'users.search' })}
        leftSection={<IconSearch size={16} aria-hidden />}
        value={search}
        onChange={(event) => {
          setSearch(event.currentTarget.value);
          setPage(1);
        }}
        data-testid="users-search"
      />
      <ErrorAlert error={users.error} />
      <Table.ScrollContainer minWidth={980} type="native">
        <Table striped highlightOnHover data-testid="users-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{intl.formatMessage({ id: 'users.displayName' })}</Table.Th>
              <Table.Th>{intl.formatMessage({ id: 'users.agency' })}</Table.Th>
              <Table.Th>{intl.formatMessage({ id: 'users.roles' })}</Table.Th>
              <Table.Th>{intl.formatMessage({ id: 'users.twoFactor' })}</Table.Th>
              <Table.Th>{intl.formatMessage({ id: 'users.lastLogin' })}</Table.Th>
              <Table.Th>{intl.formatMessage({ id: 'common.status' })}</Table.Th>
              <Table.Th>{intl.formatMessage({ id: 'common.actions' })}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {users.data?.items.map((user) => (
              <Table.Tr key={user.id} data-testid="user-row" data-id={user.id} data-username={user.username}>
                {/* Name and username in one cell, so the actions stay on screen at laptop width. */}
                <Table.Td>
                  <Text size="sm">{user.displayName}</Text>
                  <Text size="xs" c="dimmed">
                    <bdi>{user.username}</bdi>
                  </Text>
                </Table.Td>
                <Table.Td>{user.agencyName}</Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {user.roles.map((role) => (
                      <Badge key={role} variant="light" size="sm">
                        <FormattedMessage id={`role.${role}`} />
                      </Badge>
                    ))}
                  </Group>
                  {/* Asked for, not held: a second administrator has not approved them yet. Plain text, so it wraps. */}
                  {user.pendingGrant && (
                    <Group gap={4} mt={4} wrap="nowrap" align="flex-start" c="orange.8" data-testid="user-pending-roles">
                      <IconHourglassHigh size={14} aria-hidden style={{ flexShrink: 0, marginBlockStart: 2 }} />
                      <Text size="xs" c="orange.8">
                        <FormattedMessage
                          id="users.pendingRoles"
                          values={{ roles: intl.formatList(user.pendingGrant.roles.map((role) => intl.formatMessage({ id: `role.${role}` })), { type: 'conjunction' }) }}
                        />
                      </Text>
                    </Group>
                  )}
                </Table.Td>
                <Table.Td>
                  <FormattedMessage id={user.twoFactorEnabled ? 'common.yes' : 'common.no'} />
                </Table.Td>
                <Table.Td>
                  {user.lastLoginAt ? intl.formatDate(user.lastLoginAt, { dateStyle: 'medium', timeStyle: 'short' }) : <FormattedMessage id="users.never" />}
                </Table.Td>
                <Table.Td>
                  <Badge color={user.disabled ? 'gray' : 'teal'} variant="light">
                    <FormattedMessage id={user.disabled ? 'common.disabled' : 'common.active'} />
                  </Badge>
                  {/* Text, not a badge: it wraps, so the actions stay on screen at laptop width. */}
                  {user.activation && (
                    <Text size="xs" mt={4} c={user.activation === 'expired' ? 'red.8' : 'yellow.9'} data-testid="user-activation">
                      <FormattedMessage id={`users.activation.${user.activation}`} />
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <UserActions
                    user={user}
                    permissions={me?.permissions ?? []}
                    isSelf={user.id === me?.user.id}
                    onEdit={() => setEditing(user)}
                    onAction={(action) => setPending({ action, user })}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {users.data?.items.length === 0 && (
        <Text c="dimmed" ta="center" py="lg" data-testid="users-empty">
          <FormattedMessage id={q ? 'users.noMatch' : 'users.empty'} />
        </Text>
      )}
      {users.data && <Pager page={page} pageSize={PAGE_SIZE} total={users.data.total} onChange={setPage} />}
      {editing && (
        <UserFormModal
          user={editing === 'new' ? null : editing}
          isSelf={editing !== 'new' && editing.id === me?.user.id}
          onClose={() => setEditing(null)}
          onSaved={(created) => {
            setEditing(null);
            setIssued(created);
            void queryClient.invalidateQueries({ queryKey: ['role-grants'] });
            refresh('common.saved');
          }}
        />
      )}
      <ConfirmModal
        opened={pending !== null}
        title={pendingAction ? intl.formatMessage({ id: pendingAction.titleId }) : ''}
        message={pendingAction && pending ? intl.formatMessage({ id: pendingAction.confirmId }, { name: isolate(pending.user.displayName) }) : ''}
        confirmLabel={intl.formatMessage({ id: 'common.confirm' })}
        danger={pending?.action !== 'enable'}
        onConfirm={async () => {
          if (!pending || !pendingAction) return;
          const result = await pendingAction.run(pending.user);
          if (pending.action === 'activation') {
            setIssued(result as UserWithActivationCode);
            void queryClient.invalidateQueries({ queryKey: ['role-grants'] });
          }
          refresh(pendingAction.doneId);
        }}
        onClose={() => setPending(null)}
      />
      {issued && <ActivationCodeModal user={issued} onClose={() => setIssued(null)} />}
    </>
  );
}
