import { Badge, Button, Group, Select, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAlertTriangle, IconPlus, IconSearch } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useNavigate } from 'react-router-dom';
import { REPORT_SEARCH_MAX, REPORT_STATUSES, REPORT_URGENCIES, reportsApi, type ReportStatus, type ReportUrgency } from '../../shared/api/reports';
import { call } from '../api/call';
import { hasPermission, useMe } from '../api/session';
import { ErrorAlert } from '../common/ErrorAlert';
import { PageTitle } from '../common/PageTitle';
import { Pager } from '../common/Pager';
import { useLocale } from '../i18n/locale-context';
import { NewReportModal } from './NewReportModal';
import { URGENCY_COLOR, codeOptions, regionLabel } from './labels';
import { useReportsPulse } from './useReportsPulse';

const PAGE_SIZE = 25;

/**
 * The hotline's work list (and a responder's dispatched reports): most urgent
 * first, filtered and searched (reference or receipt code) on the server, and
 * refreshed by itself when a report arrives or changes.
 */
export function ReportsPage() {
  const intl = useIntl();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const me = useMe().data;
  const [page, setPage] = useState(1);
  const [status, setStatus] = useState<ReportStatus | 'open' | 'all'>('open');
  const [urgency, setUrgency] = useState<ReportUrgency | null>(null);
  const [creating, setCreating] = useState(false);
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 400);
  useReportsPulse();

  const reports = useQuery({
    queryKey: ['reports', page, status, urgency, q],
    queryFn: () =>
      call(reportsApi.list, { query: { page, pageSize: PAGE_SIZE, status: status === 'all' ? undefined : status, urgency: urgency ?? undefined, q: q || undefined } }),
    placeholderData: keepPreviousData,
  });

  const t = (id: string) => intl.formatMessage({ id });
  const statusOptions = [
    { value: 'open' as const, label: t('reports.filter.open') },
    { value: 'all' as const, label: t('reports.filter.all') },
    ...codeOptions(intl, 'report.status', REPORT_STATUSES),
  ];

  return (
    <>
      <PageTitle id="reports.title">
        {hasPermission(me, 'report.create') && (
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)} data-testid="reports-new">
            {t('reports.new')}
          </Button>
        )}
      </PageTitle>
      <Group mb="md" align="flex-end">
        <TextInput
          label={t('reports.search.label')}
          placeholder={t('reports.search.placeholder')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={search}
          maxLength={REPORT_SEARCH_MAX}
          onChange={(event) => {
            setSearch(event.currentTarget.value);
            setPage(1);
          }}
          data-testid="reports-search"
        />
        <Select
          label={t('reports.filter.status')}
          data={statusOptions}
          value={status}
          allowDeselect={false}
          onChange={(value) => {
            setStatus(value ?? 'open');
            setPage(1);
          }}
          data-testid="reports-filter-status"
        />
        <Select
          label={t('reports.filter.urgency')}
          placeholder={t('reports.filter.anyUrgency')}
          data={codeOptions(intl, 'report.urgency', REPORT_URGENCIES)}
          value={urgency}
          clearable
          onChange={(value) => {
            setUrgency(value);
            setPage(1);
          }}
          data-testid="reports-filter-urgency"
        />
      </Group>
      <ErrorAlert error={reports.error} />
      <Table.ScrollContainer minWidth={900} type="native">
        <Table striped highlightOnHover fz="sm" data-testid="reports-table">
          <Table.Thead>
            <Table.Tr>
              {['reference', 'received', 'urgency', 'kind', 'channel', 'region', 'status'].map((column) => (
                <Table.Th key={column}>{t(`reports.column.${column}`)}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {reports.data?.items.map((report) => (
              <Table.Tr
                key={report.id}
                data-testid="reports-row"
                data-id={report.id}
                style={{ cursor: 'pointer' }}
                tabIndex={0}
                onClick={() => navigate(`/reports/${report.id}`)}
                onKeyDown={(event) => event.key === 'Enter' && navigate(`/reports/${report.id}`)}
              >
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Text ff="monospace" size="sm" dir="ltr" span>
                    {report.reference}
                  </Text>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{intl.formatDate(report.receivedAt, { dateStyle: 'short', timeStyle: 'short' })}</Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Badge color={URGENCY_COLOR[report.urgency]} variant={report.urgency === 'immediate_danger' ? 'filled' : 'light'}>
                      {t(`report.urgency.${report.urgency}`)}
                    </Badge>
                    {report.awaitingAcknowledgement && (
                      <Tooltip label={t('reports.awaitingAck')}>
                        <IconAlertTriangle size={16} color="var(--mantine-color-red-7)" aria-label={t('reports.awaitingAck')} />
                      </Tooltip>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>{t(`report.kind.${report.kind}`)}</Table.Td>
                <Table.Td>{t(`report.channel.${report.channel}`)}</Table.Td>
                <Table.Td>{regionLabel(report.region, locale)}</Table.Td>
                <Table.Td>
                  <Badge variant="outline" color={report.status === 'closed' ? 'gray' : 'teal'}>
                    {t(`report.status.${report.status}`)}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {reports.data?.items.length === 0 && (
        <Text c="dimmed" ta="center" py="lg" data-testid="reports-empty">
          <FormattedMessage id="reports.empty" />
        </Text>
      )}
      {reports.data && <Pager page={page} pageSize={PAGE_SIZE} total={reports.data.total} onChange={setPage} />}
      {creating && <NewReportModal onClose={() => setCreating(false)} onCreated={(id) => navigate(`/reports/${id}`)} />}
    </>
  );
}
