import { Anchor, Button, EmptyState, Group, Select, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconFolderOpen, IconPlus, IconSearch } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link } from 'react-router-dom';
import { casesApi } from '../../shared/api/cases';
import { REGION_CODES } from '../../shared/geo/regions';
import { CASE_STATUSES } from '../../shared/htcds/case';
import { call } from '../api/call';
import { hasPermission, useMe } from '../api/session';
import { ErrorAlert } from '../common/ErrorAlert';
import { PageTitle } from '../common/PageTitle';
import { Pager } from '../common/Pager';
import { useLocale } from '../i18n/locale-context';
import { CaseStatusBadge, ExploitationBadges, RiskBadge, TraffickingStatusBadge } from './CaseBadges';
import { caseKeys } from './caseApi';
import { CODE_PREFIX, codeOptions, formatDay, regionLabel, regionOptions } from './labels';

const PAGE_SIZE = 25;

/** The cases the user may work, filtered by status and region, searched by exact name or case number. */
export function CasesPage() {
  const intl = useIntl();
  const { locale } = useLocale();
  const me = useMe().data;
  const t = (id: string) => intl.formatMessage({ id });
  const [page, setPage] = useState(1);
  const [status, setStatus] = useState<string | null>(null);
  const [region, setRegion] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 400);
  const params = { page, pageSize: PAGE_SIZE, status, region, q };
  const cases = useQuery({
    queryKey: caseKeys.list(params),
    queryFn: () =>
      call(casesApi.list, {
        // The selects offer these lists only: finding the value in them types it without a cast.
        query: { page, pageSize: PAGE_SIZE, status: CASE_STATUSES.find((s) => s === status), region: REGION_CODES.find((r) => r === region), q: q || undefined },
      }),
    placeholderData: keepPreviousData,
  });
  const filtered = Boolean(status || region || q);
  const showNames = cases.data?.items.some((item) => item.displayName !== null) ?? false;
  const resetPage = <T,>(set: (value: T) => void) => (value: T) => {
    set(value);
    setPage(1);
  };

  return (
    <>
      <PageTitle id="cases.title">
        {hasPermission(me, 'case.create') && (
          <Button component={Link} to="/cases/new" leftSection={<IconPlus size={16} aria-hidden />} data-testid="case-new">
            {t('cases.new')}
          </Button>
        )}
      </PageTitle>
      <Group align="flex-end" wrap="wrap">
        <TextInput
          w={340}
          type="search"
          label={t('cases.search')}
          aria-describedby="cases-search-help"
          leftSection={<IconSearch size={16} aria-hidden />}
          value={search}
          onChange={(event) => resetPage(setSearch)(event.currentTarget.value)}
          data-testid="cases-search"
        />
        <Select
          w={200}
          label={t('cases.filter.status')}
          placeholder={t('cases.filter.any')}
          data={codeOptions(intl, CODE_PREFIX.caseStatus, CASE_STATUSES)}
          clearable
          value={status}
          onChange={resetPage(setStatus)}
          data-testid="cases-filter-status"
        />
        <Select
          w={260}
          label={t('cases.filter.region')}
          placeholder={t('cases.filter.any')}
          data={regionOptions(locale)}
          clearable
          value={region}
          onChange={resetPage(setRegion)}
          data-testid="cases-filter-region"
        />
      </Group>
      <Text id="cases-search-help" size="xs" c="dimmed" mt={4} mb="md" maw={760} data-testid="cases-search-help">
        {t('cases.searchHelp')}
      </Text>
      <ErrorAlert error={cases.error} />
      <Table.ScrollContainer minWidth={1100} type="native">
        <Table striped highlightOnHover data-testid="cases-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('cases.column.number')}</Table.Th>
              {showNames && <Table.Th>{t('cases.column.person')}</Table.Th>}
              <Table.Th>{t('cases.column.status')}</Table.Th>
              <Table.Th>{t('cases.column.traffickingStatus')}</Table.Th>
              <Table.Th>{t('cases.column.region')}</Table.Th>
              <Table.Th>{t('cases.column.owner')}</Table.Th>
              <Table.Th>{t('cases.column.forms')}</Table.Th>
              <Table.Th>{t('cases.column.risk')}</Table.Th>
              <Table.Th>{t('cases.column.opened')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {cases.data?.items.map((item) => (
              <Table.Tr key={item.id} data-testid="case-row" data-id={item.id} data-number={item.caseNumber}>
                <Table.Td>
                  <Anchor component={Link} to={`/cases/${item.id}`} fw={600} style={{ whiteSpace: 'nowrap' }}>
                    <bdi>{item.caseNumber}</bdi>
                  </Anchor>
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
          description={t(filtered ? 'cases.noMatchHelp' : 'cases.emptyHelp')}
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
