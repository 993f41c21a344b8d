import { Badge, Group, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { adminApi } from '../../shared/api/admin';
import { call } from '../api/call';
import { hasPermission, useMe } from '../api/session';
import { ErrorAlert } from '../common/ErrorAlert';
import { PageTitle } from '../common/PageTitle';
import { Pager } from '../common/Pager';
import { optionalMessage } from '../i18n/optionalMessage';
import { VerifyChain } from './VerifyChain';

const PAGE_SIZE = 50;

/** The audit trail: who did what to which record, from where, and whether it was allowed. */
export function AuditPage() {
  const intl = useIntl();
  const me = useMe().data;
  const [page, setPage] = useState(1);
  const [filters, setFilters] = useState({ action: '', actor: '' });
  const [debounced] = useDebouncedValue(filters, 300);

  const events = useQuery({
    queryKey: ['audit', page, debounced],
    queryFn: () => call(adminApi.listAudit, { query: { page, pageSize: PAGE_SIZE, action: debounced.action.trim() || undefined, actor: debounced.actor.trim() || undefined } }),
    placeholderData: keepPreviousData,
  });

  const setFilter = (name: 'action' | 'actor', value: string) => {
    setFilters((current) => ({ ...current, [name]: value }));
    setPage(1);
  };

  return (
    <>
      <PageTitle id="audit.title" />
      {hasPermission(me, 'audit.verify') && <VerifyChain />}
      <Group mb="md" align="flex-end">
        <TextInput
          label={intl.formatMessage({ id: 'audit.filter.action' })}
          value={filters.action}
          onChange={(event) => setFilter('action', event.currentTarget.value)}
          data-testid="audit-filter-action"
        />
        <TextInput
          label={intl.formatMessage({ id: 'audit.filter.actor' })}
          value={filters.actor}
          onChange={(event) => setFilter('actor', event.currentTarget.value)}
          data-testid="audit-filter-actor"
        />
      </Group>
      <ErrorAlert error={events.error} />
      <Table.ScrollContainer minWidth={1300} type="native">
        <Table striped highlightOnHover fz="sm" data-testid="audit-table">
          <Table.Thead>
            <Table.Tr>
              {['time', 'actor', 'role', 'agency', 'action', 'resource', 'outcome', 'ip', 'changedFields'].map((column) => (
                <Table.Th key={column}>{intl.formatMessage({ id: `audit.column.${column}` })}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {events.data?.items.map((event) => (
              <Table.Tr key={event.id} data-testid="audit-row" data-id={event.id}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {intl.formatDate(event.occurredAt, { dateStyle: 'short', timeStyle: 'medium' })}
                </Table.Td>
                <Table.Td>
                  <bdi>{event.actorUsername ?? '—'}</bdi>
                </Table.Td>
                <Table.Td>{event.actorRole ? optionalMessage(intl, `role.${event.actorRole}`, event.actorRole) : '—'}</Table.Td>
                <Table.Td>{event.agencyName ?? '—'}</Table.Td>
                <Table.Td>
                  <Text ff="monospace" size="xs" dir="ltr" span>
                    {event.action}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text ff="monospace" size="xs" dir="ltr" span>
                    {[event.resourceType, event.resourceId].filter(Boolean).join(':') || '—'}
                  </Text>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Badge variant="light" color={event.outcome === 'success' ? 'teal' : 'red'}>
                    {optionalMessage(intl, `audit.outcome.${event.outcome}`, event.outcome)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <bdi>{event.ip ?? '—'}</bdi>
                </Table.Td>
                <Table.Td>
                  <bdi>{event.changedFields.join(', ') || '—'}</bdi>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {events.data?.items.length === 0 && (
        <Text c="dimmed" ta="center" py="lg" data-testid="audit-empty">
          <FormattedMessage id="audit.empty" />
        </Text>
      )}
      {events.data && <Pager page={page} pageSize={PAGE_SIZE} total={events.data.total} onChange={setPage} />}
    </>
  );
}
