import { Badge, Button, Group, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { adminApi, type Agency } from '../../../shared/api/admin';
import { call } from '../../api/call';
import { hasPermission, useMe } from '../../api/session';
import { ConfirmModal } from '../../common/ConfirmModal';
import { ErrorAlert } from '../../common/ErrorAlert';
import { PageTitle } from '../../common/PageTitle';
import { Pager } from '../../common/Pager';
import { errorMessage } from '../../forms/validation';
import { useLocale } from '../../i18n/locale-context';
import { agencyRegionLabel } from '../agencyRegion';
import { AgencyFormModal } from './AgencyFormModal';

const PAGE_SIZE = 25;

/** Agencies admin: list, create, edit, disable and enable. */
export function AgenciesPage() {
  const intl = useIntl();
  const { locale } = useLocale();
  const me = useMe().data;
  const queryClient = useQueryClient();
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<Agency | 'new' | null>(null);
  const [toggling, setToggling] = useState<Agency | null>(null);
  const canCreate = hasPermission(me, 'agency.create');
  const canUpdate = hasPermission(me, 'agency.update');

  const agencies = useQuery({
    queryKey: ['agencies', page],
    queryFn: () => call(adminApi.listAgencies, { query: { page, pageSize: PAGE_SIZE } }),
    placeholderData: keepPreviousData,
  });

  const saved = (messageId: string) => {
    void queryClient.invalidateQueries({ queryKey: ['agencies'] });
    notifications.show({ color: 'teal', message: intl.formatMessage({ id: messageId }) });
  };

  const setDisabled = async (agency: Agency, disabled: boolean) => {
    await call(adminApi.updateAgency, { params: { id: agency.id }, body: { disabled } });
    saved(disabled ? 'agencies.disabledDone' : 'agencies.enabledDone');
  };
  const enable = (agency: Agency) =>
    setDisabled(agency, false).catch((error: unknown) => notifications.show({ color: 'red', message: errorMessage(intl, error) }));

  return (
    <>
      <PageTitle id="agencies.title">
        {canCreate && (
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')} data-testid="agency-create">
            <FormattedMessage id="agencies.create" />
          </Button>
        )}
      </PageTitle>
      <ErrorAlert error={agencies.error} />
      <Table.ScrollContainer minWidth={720} type="native">
        <Table striped highlightOnHover data-testid="agencies-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{intl.formatMessage({ id: 'agencies.name' })}</Table.Th>
              <Table.Th>{intl.formatMessage({ id: 'agencies.type' })}</Table.Th>
              <Table.Th>{intl.formatMessage({ id: 'agencies.region' })}</Table.Th>
              <Table.Th>{intl.formatMessage({ id: 'agencies.users' })}</Table.Th>
              <Table.Th>{intl.formatMessage({ id: 'common.status' })}</Table.Th>
              <Table.Th>{intl.formatMessage({ id: 'common.actions' })}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {agencies.data?.items.map((agency) => (
              <Table.Tr key={agency.id} data-testid="agency-row" data-id={agency.id}>
                <Table.Td>{agency.name}</Table.Td>
                <Table.Td>{intl.formatMessage({ id: `agencyType.${agency.type}` })}</Table.Td>
                <Table.Td>{agencyRegionLabel(agency.region, locale)}</Table.Td>
                <Table.Td>{intl.formatNumber(agency.userCount)}</Table.Td>
                <Table.Td>
                  <Badge color={agency.disabled ? 'gray' : 'teal'} variant="light">
                    <FormattedMessage id={agency.disabled ? 'common.disabled' : 'common.active'} />
                  </Badge>
                </Table.Td>
                <Table.Td>
                  {canUpdate && (
                    <Group gap="xs" wrap="nowrap">
                      <Button size="xs" variant="light" onClick={() => setEditing(agency)} data-testid="agency-edit">
                        <FormattedMessage id="common.edit" />
                      </Button>
                      {agency.disabled ? (
                        <Button size="xs" variant="light" color="teal" onClick={() => enable(agency)} data-testid="agency-enable">
                          <FormattedMessage id="common.enable" />
                        </Button>
                      ) : (
                        <Button size="xs" variant="light" color="red" onClick={() => setToggling(agency)} data-testid="agency-disable">
                          <FormattedMessage id="common.disable" />
                        </Button>
                      )}
                    </Group>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {agencies.data?.items.length === 0 && (
        <Text c="dimmed" ta="center" py="lg" data-testid="agencies-empty">
          <FormattedMessage id="agencies.empty" />
        </Text>
      )}
      {agencies.data && <Pager page={page} pageSize={PAGE_SIZE} total={agencies.data.total} onChange={setPage} />}
      {editing && (
        <AgencyFormModal
          agency={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            saved('common.saved');
          }}
        />
      )}
      <ConfirmModal
        opened={toggling !== null}
        title={intl.formatMessage({ id: 'agencies.disableTitle' })}
        message={intl.formatMessage({ id: 'agencies.disableConfirm' }, { name: toggling?.name ?? '' })}
        confirmLabel={intl.formatMessage({ id: 'common.disable' })}
        danger
        onConfirm={() => setDisabled(toggling!, true)}
        onClose={() => setToggling(null)}
      />
    </>
  );
}
