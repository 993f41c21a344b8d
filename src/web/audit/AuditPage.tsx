import { Badge, Button, Group, Stack, Table, Text, Tooltip } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { adminApi } from '../../shared/api/admin';
import { call } from '../api/call';
import { apiDownload } from '../api/client';
import { hasPermission, useMe } from '../api/session';
import { ErrorAlert } from '../common/ErrorAlert';
import { PageTitle } from '../common/PageTitle';
import { Pager } from '../common/Pager';
import { optionalMessage } from '../i18n/optionalMessage';
import { AuditFilters, type AuditFilterValues } from './AuditFilters';
import { actionLabel, resourceText } from './auditLabels';
import { VerifyChain } from './VerifyChain';

const PAGE_SIZE = 50;

/** The audit trail: who did what to which record, from where, and whether it was allowed. */
export function AuditPage() {
  const intl = useIntl();
  const t = (id: string) => intl.formatMessage({ id });
  const me = useMe().data;
  const [page, setPage] = useState(1);
  const [filters, setFilters] = useState<AuditFilterValues>({});
  const [debounced] = useDebouncedValue(filters, 300);

  const events = useQuery({
    queryKey: ['audit', page, debounced],
    queryFn: () => call(adminApi.listAudit, { query: { page, pageSize: PAGE_SIZE, ...debounced, actor: debounced.actor?.trim() || undefined } }),
    placeholderData: keepPreviousData,
  });

  const exportTrail = useMutation({
    mutationFn: async () => {
      const blob = await apiDownload(adminApi.exportAudit.path, debounced);
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = `sanad-audit-${new Date().toISOString().slice(0, 10)}.csv`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    },
    onError: () => notifications.show({ color: 'red', message: t('error.INTERNAL') }),
  });

  const changeFilters = (next: AuditFilterValues) => {
    setFilters(next);
    setPage(1);
  };

  return (
    <>
      <PageTitle id="audit.title" />
      {hasPermission(me, 'audit.verify') && <VerifyChain />}
      <AuditFilters value={filters} onChange={changeFilters} />
      <Group justify="flex-end" mb="sm">
        <Tooltip label={t('auditTrail.export.help')} multiline w={280}>
          <Button variant="default" leftSection={<IconFileSpreadsheet size={16} aria-hidden />} loading={exportTrail.isPending} onClick={() => exportTrail.mutate()} data-testid="audit-export">
            {t('auditTrail.export')}
          </Button>
        </Tooltip>
      </Group>
      <ErrorAlert error={events.error} />
      {/* Fits a laptop in either direction; narrower screens scroll the table, not the page. */}
      <Table.ScrollContainer minWidth={860} type="native">
        <Table striped highlightOnHover fz="sm" data-testid="audit-table">
          <Table.Thead>
            <Table.Tr>
              {['time', 'actor', 'action', 'resource', 'outcome'].map((column) => (
                <Table.Th key={column}>{t(`audit.column.${column}`)}</Table.Th>
              ))}
              <Table.Th>{t('auditTrail.details')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {events.data?.items.map((event) => (
              <Table.Tr key={event.id} data-testid="audit-row" data-id={event.id} data-action={event.action}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{intl.formatDate(event.occurredAt, { dateStyle: 'short', timeStyle: 'medium' })}</Table.Td>
                <Table.Td>
                  <Stack gap={0}>
                    <Text size="sm" dir="auto">
                      {event.actorName ?? event.actorUsername ?? '—'}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {[event.actorRole ? optionalMessage(intl, `role.${event.actorRole}`, '') : '', event.agencyName].filter(Boolean).join(' · ')}
                    </Text>
                  </Stack>
                </Table.Td>
                <Table.Td>{actionLabel(intl, event.action)}</Table.Td>
                <Table.Td>
                  <bdi>{resourceText(intl, event)}</bdi>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Badge variant="light" color={event.outcome === 'success' ? 'teal' : 'red'}>
                    {optionalMessage(intl, `audit.outcome.${event.outcome}`, event.outcome)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Text size="xs" c="dimmed">
                    <bdi>{[event.ip, event.changedFields.length ? `${t('audit.column.changedFields')}: ${event.changedFields.join(', ')}` : ''].filter(Boolean).join(' · ') || '—'}</bdi>
                  </Text>
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
