import { Anchor, Button, EmptyState, Group, Table, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconFolderOpen, IconPlus } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link, useSearchParams } from 'react-router-dom';
import { casesApi } from '../../shared/api/cases';
import { REGION_CODES } from '../../shared/geo/regions';
import { CASE_STATUSES } from '../../shared/htcds/case';
import { call } from '../api/call';
import { hasPermission, useMe } from '../api/session';
import { ErrorAlert } from '../common/ErrorAlert';
import { PageTitle } from '../common/PageTitle';
import { Pager } from '../common/Pager';
import { useLocale } from '../i18n/locale-context';
import { CaseStatusBadge, ChildBadge, ExploitationBadges, RiskBadge, TraffickingStatusBadge } from './CaseBadges';
import { caseKeys } from './caseApi';
import { formatDay, regionLabel } from './labels';
import { CaseListFilters, type ListFilterValues } from './list/CaseListFilters';
import { ExportButton } from './list/ExportButton';
import { SortableHeader, type SortState } from './list/SortableHeader';

const PAGE_SIZE = 25;
const NO_FILTERS: ListFilterValues = { search: '', status: null, region: null, openedFrom: null, openedTo: null };

/**
 * The cases the user may work: searched by case number, any part of a name (across Arabic and Latin
 * spellings), a document or a phone number; filtered by status, region and opened dates; sorted by
 * column; exported as the same list.
 */
export function CasesPage() {
  const intl = useIntl();
  const { locale } = useLocale();
  const me = useMe().data;
  const t = (id: string) => intl.formatMessage({ id });
  const [page, setPage] = useState(1);
  // A home tile opens this list with its filter in the URL (?status=Active); the status filter shows it, clearable.
  const [searchParams] = useSearchParams();
  const [values, setValues] = useState<ListFilterValues>(() => ({ ...NO_FILTERS, status: CASE_STATUSES.find((s) => s === searchParams.get('status')) ?? null }));
  const [sorting, setSorting] = useState<SortState>({ sort: 'openedAt', order: 'desc' });
  const [q] = useDebouncedValue(values.search.trim(), 400);
  // The selects offer these lists only: finding the value in them types it without a cast.
  const filters = {
    status: CASE_STATUSES.find((s) => s === values.status),
    region: REGION_CODES.find((r) => r === values.region),
    q: q || undefined,
    openedFrom: values.openedFrom ?? undefined,
    openedTo: values.openedTo ?? undefined,
    ...sorting,
  };
  const cases = useQuery({
    queryKey: caseKeys.list({ page, pageSize: PAGE_SIZE, ...filters }),
    queryFn: () => call(casesApi.list, { query: { page, pageSize: PAGE_SIZE, ...filters } }),
    placeholderData: keepPreviousData,
  });
  const filtered = Boolean(values.status || values.region || q || values.openedFrom || values.openedTo);
  const showNames = cases.data?.items.some((item) => item.displayName !== null) ?? false;
  const change = (next: Partial<ListFilterValues>) => {
    setValues((current) => ({ ...current, ...next }));
    setPage(1);
  };
  const sortBy = (next: SortState) => {
    setSorting(next);
    setPage(1);
  };

  return (
    <>
      <PageTitle id="cases.title">
        <Group gap="sm">
          {hasPermission(me, 'case.export') && <ExportButton filters={filters} />}
          {hasPermission(me, 'case.create') && (
            <Button component={Link} to="/cases/new" leftSection={<IconPlus size={16} aria-hidden />} data-testid="case-new">
              {t('cases.new')}
            </Button>
          )}
        </Group>
      </PageTitle>
      <CaseListFilters values={values} onChange={change} />
      <Text id="cases-search-help" size="xs" c="dimmed" mt={4} mb="md" maw={760} data-testid="cases-search-help">
        {t('caseList.searchHelp')}
      </Text>
      <ErrorAlert error={cases.error} />
      <Table.ScrollContainer minWidth={1100} type="native">
        <Table striped highlightOnHover data-testid="cases-table">
          <Table.Thead>
            <Table.Tr>
              <SortableHeader column="caseNumber" label={t('cases.column.number')} state={sorting} onSort={sortBy} />
              {showNames && <Table.Th>{t('cases.column.person')}</Table.Th>}
              <SortableHeader column="status" label={t('cases.column.status')} state={sorting} onSort={sortBy} />
              <Table.Th>{t('cases.column.traffickingStatus')}</Table.Th>
              <SortableHeader column="region" label={t('cases.column.region')} state={sorting} onSort={sortBy} />
              <Table.Th>{t('cases.column.owner')}</Table.Th>
              <Table.Th>{t('cases.column.forms')}</Table.Th>
              <Table.Th>{t('cases.column.risk')}</Table.Th>
              <SortableHeader column="openedAt" label={t('cases.column.opened')} state={sorting} onSort={sortBy} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {cases.data?.items.map((item) => (
              <Table.Tr key={item.id} data-testid="case-row" data-id={item.id} data-number={item.caseNumber}>
                <Table.Td>
                  <Anchor component={Link} to={`/cases/${item.id}`} fw={600} style={{ whiteSpace: 'nowrap' }}>
                    <bdi>{item.caseNumber}</bdi>
                  </Anchor>{' '}
                  <ChildBadge isMinor={item.isMinor} size="sm" />
                </Table.Td>
                {showNames && <Table.Td>{item.displayName ?? '—'}</Table.Td>}
                <Table.Td>
                  <CaseStatusBadge status={item.status} />
                </Table.Td>
                <Table.Td>
                  <TraffickingStatusBadge status={item.traffickingStatus} />
                </Table.Td>
                <Table.Td>{regionLabel(item.region, locale)}</Table.Td>
                <Table.Td>{item.ownerAgencyName}</Table.Td>
                <Table.Td>
                  <ExploitationBadges forms={item.exploitationForms} />
                </Table.Td>
                <Table.Td>{item.riskLevel ? <RiskBadge level={item.riskLevel} compact /> : '—'}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDay(intl, item.openedAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {cases.data?.items.length === 0 && (
        <EmptyState
          py="xl"
          icon={<IconFolderOpen size={32} aria-hidden />}
          withIndicatorBackground
          title={t(filtered ? 'cases.noMatch' : 'cases.empty')}
          description={t(filtered ? 'caseList.noMatchHelp' : 'cases.emptyHelp')}
          data-testid="cases-empty"
        />
      )}
      {cases.data && <Pager page={page} pageSize={PAGE_SIZE} total={cases.data.total} onChange={setPage} />}
      {cases.isPending && (
        <Text c="dimmed" ta="center" py="lg">
          <FormattedMessage id="cases.loading" />
        </Text>
      )}
    </>
  );
}
