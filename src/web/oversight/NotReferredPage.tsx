import { Skeleton, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useIntl } from 'react-intl';
import { worklistsApi } from '../../shared/api/worklists';
import { call } from '../api/call';
import { ErrorAlert } from '../common/ErrorAlert';
import { PageTitle } from '../common/PageTitle';

/**
 * Behind the coordinator's "victims not yet referred" tile: counts per organisation holding the
 * cases, never a list of cases (the coordinator sees no identity, and a case number leads to one).
 */
export function NotReferredPage() {
  const intl = useIntl();
  const t = (id: string) => intl.formatMessage({ id });
  const breakdown = useQuery({ queryKey: ['oversight', 'not-referred'], queryFn: () => call(worklistsApi.notReferred) });
  const n = (value: number) => intl.formatNumber(value);
  return (
    <>
      <PageTitle id="oversight.notReferred.title" />
      <Text c="dimmed" size="sm" mb="md" maw={820}>
        {t('oversight.notReferred.intro')}
      </Text>
      <ErrorAlert error={breakdown.error} />
      {breakdown.isPending && <Skeleton height={120} radius="sm" />}
      {breakdown.data && breakdown.data.byAgency.length === 0 && (
        <Text c="dimmed" data-testid="not-referred-empty">
          {t('oversight.notReferred.empty')}
        </Text>
      )}
      {breakdown.data && breakdown.data.byAgency.length > 0 && (
        <Table.ScrollContainer minWidth={640} type="native">
          <Table striped data-testid="not-referred-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('oversight.notReferred.agency')}</Table.Th>
                <Table.Th>{t('oversight.notReferred.presumed')}</Table.Th>
                <Table.Th>{t('oversight.notReferred.identified')}</Table.Th>
                <Table.Th>{t('oversight.notReferred.total')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {breakdown.data.byAgency.map((row) => (
                <Table.Tr key={row.agencyId} data-testid="not-referred-row">
                  <Table.Td>
                    <bdi>{row.agencyName}</bdi>
                  </Table.Td>
                  <Table.Td>{n(row.presumed)}</Table.Td>
                  <Table.Td>{n(row.identified)}</Table.Td>
                  <Table.Td fw={700}>{n(row.total)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr>
                <Table.Th>{t('oversight.notReferred.total')}</Table.Th>
                <Table.Td />
                <Table.Td />
                <Table.Th data-testid="not-referred-total">{n(breakdown.data.total)}</Table.Th>
              </Table.Tr>
            </Table.Tfoot>
          </Table>
        </Table.ScrollContainer>
      )}
    </>
  );
}
