import { Center, Code, Loader, Paper } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router-dom';
import { ApiError, api } from '../api/client';
import { ErrorAlert } from '../common/ErrorAlert';
import { PageTitle } from '../common/PageTitle';
import { ForbiddenPage, NotFoundPage } from '../common/StatusPages';

/**
 * Placeholder for the case screen: proves the access rules end to end. A 404 and a
 * malformed id look the same, so the page never reveals whether a case exists.
 */
export function CasePage() {
  const { id = '' } = useParams();
  const caseQuery = useQuery({
    queryKey: ['case', id],
    queryFn: () => api.get<Record<string, unknown>>(`/api/cases/${encodeURIComponent(id)}`),
    retry: false,
  });
  if (caseQuery.isPending) {
    return (
      <Center py="xl">
        <Loader />
      </Center>
    );
  }
  if (caseQuery.error instanceof ApiError) {
    if (caseQuery.error.status === 403) return <ForbiddenPage />;
    if (caseQuery.error.status === 404 || caseQuery.error.status === 400) return <NotFoundPage />;
  }
  if (caseQuery.isError) return <ErrorAlert error={caseQuery.error} />;
  return (
    <>
      <PageTitle id="case.title" />
      <Paper withBorder p="md" data-testid="case-json">
        <Code block dir="ltr">
          {JSON.stringify(caseQuery.data, null, 2)}
        </Code>
      </Paper>
    </>
  );
}
