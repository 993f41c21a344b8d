import { Badge, Button, Card, Group, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconShieldLock } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { adminApi, type RoleGrant } from '../../../shared/api/admin';
import { call } from '../../api/call';
import { ConfirmModal } from '../../common/ConfirmModal';
import { ErrorAlert } from '../../common/ErrorAlert';
import { isolate } from './isolate';

type Decision = 'approve' | 'reject';

/** Why the viewer may not approve a grant (the two-person rule), for the disabled button's tooltip. */
function whyNotApprove(grant: RoleGrant, viewerId: string | undefined): string {
  return grant.userId === viewerId ? 'grants.ownAccount' : 'grants.ownRequest';
}

/**
 * Role grants that wait for a second administrator, with approve and reject.
 * The server says which the viewer may do; approving one's own request is
 * never offered (and would be refused).
 */
export function PendingGrants({ viewerId }: { viewerId: string | undefined }) {
  const intl = useIntl();
  const queryClient = useQueryClient();
  const [deciding, setDeciding] = useState<{ grant: RoleGrant; decision: Decision } | null>(null);
  const grants = useQuery({ queryKey: ['role-grants'], queryFn: () => call(adminApi.pendingGrants) });

  const roleNames = (grant: RoleGrant) => intl.formatList(grant.roles.map((role) => intl.formatMessage({ id: `role.${role}` })), { type: 'conjunction' });
  const decide = async () => {
    if (!deciding) return;
    try {
      await call(deciding.decision === 'approve' ? adminApi.approveGrant : adminApi.rejectGrant, { params: { id: deciding.grant.id } });
    } finally {
      void queryClient.invalidateQueries({ queryKey: ['role-grants'] });
      void queryClient.invalidateQueries({ queryKey: ['users'] });
    }
    notifications.show({ color: 'teal', message: intl.formatMessage({ id: deciding.decision === 'approve' ? 'grants.approved' : 'grants.rejected' }) });
  };

  if (grants.error) return <ErrorAlert error={grants.error} />;
  const items = grants.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Card withBorder mb="lg" data-testid="pending-grants" style={{ borderColor: 'var(--mantine-color-orange-4)' }}>
      <Stack gap="xs">
        <Group gap="xs" wrap="nowrap">
          <IconShieldLock size={20} color="var(--mantine-color-orange-7)" aria-hidden />
          <Title order={2} size="h4">
            <FormattedMessage id="grants.title" />
          </Title>
          <Badge color="orange" variant="light">
            {intl.formatNumber(items.length)}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          <FormattedMessage id="grants.intro" />
        </Text>
        <Table.ScrollContainer minWidth={760} type="native">
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{intl.formatMessage({ id: 'grants.user' })}</Table.Th>
                <Table.Th>{intl.formatMessage({ id: 'grants.roles' })}</Table.Th>
                <Table.Th>{intl.formatMessage({ id: 'users.agency' })}</Table.Th>
                <Table.Th>{intl.formatMessage({ id: 'grants.requestedBy' })}</Table.Th>
                <Table.Th>{intl.formatMessage({ id: 'common.actions' })}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((grant) => {
                const canApprove = grant.allowedActions.includes('approve');
                return (
                  <Table.Tr key={grant.id} data-testid="pending-grant" data-username={grant.username}>
                    <Table.Td>
                      <Text size="sm">{grant.displayName}</Text>
                      <Text size="xs" c="dimmed">
                        <bdi>{grant.username}</bdi> · <FormattedMessage id={`grants.cause.${grant.cause}`} />
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        {grant.roles.map((role) => (
                          <Badge key={role} color="orange" variant="outline" size="sm">
                            <FormattedMessage id={`role.${role}`} />
                          </Badge>
                        ))}
                      </Group>
                    </Table.Td>
                    <Table.Td>{grant.agencyName}</Table.Td>
                    <Table.Td>
                      <Text size="sm">
                        <bdi>{grant.requestedBy}</bdi>
                      </Text>
                      <Text size="xs" c="dimmed">
                        {intl.formatDate(grant.requestedAt, { dateStyle: 'medium', timeStyle: 'short' })}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Tooltip label={intl.formatMessage({ id: whyNotApprove(grant, viewerId) })} disabled={canApprove} multiline w={260}>
                          {/* A disabled button gets no pointer events: the span carries the tooltip. */}
                          <span>
                            <Button size="xs" color="teal" disabled={!canApprove} onClick={() => setDeciding({ grant, decision: 'approve' })} data-testid="grant-approve">
                              <FormattedMessage id="grants.approve" />
                            </Button>
                          </span>
                        </Tooltip>
                        {grant.allowedActions.includes('reject') && (
                          <Button size="xs" variant="light" color="red" onClick={() => setDeciding({ grant, decision: 'reject' })} data-testid="grant-reject">
                            <FormattedMessage id="grants.reject" />
                          </Button>
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
      <ConfirmModal
        opened={deciding !== null}
        title={deciding ? intl.formatMessage({ id: deciding.decision === 'approve' ? 'grants.approveTitle' : 'grants.rejectTitle' }) : ''}
        message={
          deciding
            ? intl.formatMessage(
                { id: deciding.decision === 'approve' ? 'grants.approveConfirm' : 'grants.rejectConfirm' },
                { name: isolate(deciding.grant.displayName), roles: isolate(roleNames(deciding.grant)), agency: isolate(deciding.grant.agencyName) },
              )
            : ''
        }
        confirmLabel={intl.formatMessage({ id: deciding?.decision === 'reject' ? 'grants.reject' : 'grants.approve' })}
        danger={deciding?.decision === 'reject'}
        onConfirm={decide}
        onClose={() => setDeciding(null)}
      />
    </Card>
  );
}
