import { Badge, Table } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { casesApi, type CaseDetail } from '../../../shared/api/cases';
import { call } from '../../api/call';
import { ErrorAlert } from '../../common/ErrorAlert';
import { Pager } from '../../common/Pager';
import { optionalMessage } from '../../i18n/optionalMessage';
import { caseKeys } from '../caseApi';
import { formatMoment } from '../labels';
import { TabEmpty } from './TabEmpty';
import { TabLoading } from './TabLoading';
import { actionLabel } from '../../audit/auditLabels';

const PAGE_SIZE = 25;

/** Who opened or changed this case, when, from which agency: the owner's view of the audit trail. */
export function AccessLogTab({ caseData }: { caseData: CaseDetail }) {
  const intl = useIntl();
  const t = (id: string) => intl.formatMessage({ id });
  const [page, setPage] = useState(1);
  const log = useQuery({
    queryKey: [...caseKeys.sub(caseData.id, 'access-log'), page],
    queryFn: () => call(casesApi.accessLog, { params: { id: caseData.id }, query: { page, pageSize: PAGE_SIZE } }),
    placeholderData: keepPreviousData,
  });

  if (log.isPending) return <TabLoading />;
  if (log.isError) return <ErrorAlert error={log.error} />;
  if (log.data.items.length === 0) return <TabEmpty titleId="cases.access.empty" testId="access-empty" />;
  return (
    <>
      <Table.ScrollContainer minWidth={760} type="native">
        <Table striped data-testid="access-log-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('audit.column.time')}</Table.Th>
              <Table.Th>{t('audit.column.actor')}</Table.Th>
              <Table.Th>{t('audit.column.role')}</Table.Th>
              <Table.Th>{t('audit.column.agency')}</Table.Th>
              <Table.Th>{t('audit.column.action')}</Table.Th>
              <Table.Th>{t('audit.column.outcome')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {log.data.items.map((entry) => (
              <Table.Tr key={entry.id} data-testid="access-row">
                <Table.Td>{formatMoment(intl, entry.occurredAt)}</Table.Td>
                <Table.Td>
                  <bdi>{entry.actorUsername ?? '—'}</bdi>
                </Table.Td>
                <Table.Td>{entry.actorRole ? optionalMessage(intl, `role.${entry.actorRole}`, entry.actorRole) : '—'}</Table.Td>
                <Table.Td>{entry.agencyName ?? '—'}</Table.Td>
                <Table.Td>{optionalMessage(intl, `caseAudit.${entry.action}`, actionLabel(intl, entry.action))}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={entry.outcome === 'success' ? 'teal' : 'red'}>
                    {optionalMessage(intl, `audit.outcome.${entry.outcome}`, entry.outcome)}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Pager page={page} pageSize={PAGE_SIZE} total={log.data.total} onChange={setPage} />
    </>
  );
}
