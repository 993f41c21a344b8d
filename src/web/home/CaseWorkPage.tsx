import { Skeleton, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useIntl } from 'react-intl';
import { useSearchParams } from 'react-router-dom';
import { worklistsApi } from '../../shared/api/worklists';
import { call } from '../api/call';
import { ErrorAlert } from '../common/ErrorAlert';
import { PageTitle } from '../common/PageTitle';
import { Pager } from '../common/Pager';
import { ActiveFilters } from '../oversight/ActiveFilters';
import { useCaseWorkRows } from './caseWorkRows';
import { WorkRows } from './WorkRows';

const PAGE_SIZE = 25;

/**
 * The case manager's whole work list behind the home tiles: open cases, overdue ones first;
 * `?overdue=true` (the "something overdue" tile) keeps only those, shown as a removable filter.
 */
export function CaseWorkPage() {
  const intl = useIntl();
  const [searchParams, setSearchParams] = useSearchParams();
  const overdue = searchParams.get('overdue') === 'true';
  const page = Math.max(1, Number(searchParams.get('page')) || 1);
  const work = useQuery({
    queryKey: ['worklist', 'case-manager-page', { overdue, page }],
    queryFn: () => call(worklistsApi.caseManager, { query: { overdue: overdue ? 'true' : 'false', page, pageSize: PAGE_SIZE } }),
    placeholderData: keepPreviousData,
  });
  const rows = useCaseWorkRows(work.data?.items);
  const setPage = (next: number) => {
    const params = new URLSearchParams(searchParams);
    params.set('page', String(next));
    setSearchParams(params, { replace: true });
  };
  return (
    <>
      <PageTitle id="worklist.casesPage.title" />
      <ActiveFilters
        filters={overdue ? [{ key: 'overdue', label: intl.formatMessage({ id: 'oversight.filter.overdueItems' }) }] : []}
        onRemove={() => setSearchParams({}, { replace: true })}
      />
      <ErrorAlert error={work.error} />
      {work.isPending && <Skeleton height={160} radius="sm" />}
      {work.data && rows.length === 0 && (
        <Text c="dimmed" data-testid="case-work-empty">
          {intl.formatMessage({ id: 'worklist.casesPage.empty' })}
        </Text>
      )}
      <div data-testid="case-work-list">
        <WorkRows rows={rows} />
      </div>
      <Pager page={page} pageSize={PAGE_SIZE} total={work.data?.total ?? 0} onChange={setPage} />
    </>
  );
}
