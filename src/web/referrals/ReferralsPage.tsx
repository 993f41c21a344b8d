import { Badge, Group, SegmentedControl, Select, Table, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { REFERRAL_STATUSES, referralsApi, type ReferralStatus } from '../../shared/api/referrals';
import { call } from '../api/call';
import { hasPermission, useMe } from '../api/session';
import { ErrorAlert } from '../common/ErrorAlert';
import { PageTitle } from '../common/PageTitle';
import { Pager } from '../common/Pager';
import { formatMoment } from '../cases/labels';
import { ReferralStatusBadge, UrgencyBadge } from './ReferralBadges';
import { referralKeys } from './referralApi';

const PAGE_SIZE = 25;

/**
 * Referrals in both directions: a provider's incoming queue (unanswered first,
 * oldest first) and a case worker's outgoing referrals. Filtered on the server.
 */
export function ReferralsPage() {
  const intl = useIntl();
  const navigate = useNavigate();
  const me = useMe().data;
  const t = (id: string) => intl.formatMessage({ id });
  const receives = hasPermission(me, 'referral.respond');
  const sends = hasPermission(me, 'referral.create');
  // A home tile opens this list with its filter in the URL (?direction=incoming&status=sent); the controls show it.
  const [searchParams] = useSearchParams();
  const linkedDirection = searchParams.get('direction');
  const [direction, setDirection] = useState<'incoming' | 'outgoing'>(linkedDirection === 'incoming' || linkedDirection === 'outgoing' ? linkedDirection : receives ? 'incoming' : 'outgoing');
  const [status, setStatus] = useState<ReferralStatus | null>(REFERRAL_STATUSES.find((s) => s === searchParams.get('status')) ?? null);
  const [page, setPage] = useState(1);

  const params = { direction, status, page, pageSize: PAGE_SIZE };
  const referrals = useQuery({
    queryKey: referralKeys.list(params),
    queryFn: () => call(referralsApi.list, { query: { ...params, status: status ?? undefined } }),
    placeholderData: keepPreviousData,
  });

  return (
    <>
      <PageTitle id="referrals.title" />
      <Group mb="md" align="flex-end">
        {receives && sends && (
          <SegmentedControl
            value={direction}
            onChange={(value) => {
              setDirection(value as 'incoming' | 'outgoing');
              setPage(1);
            }}
            data={[
              { value: 'incoming', label: t('referrals.incoming') },
              { value: 'outgoing', label: t('referrals.outgoing') },
            ]}
            data-testid="referrals-direction"
          />
        )}
        <Select
          label={t('referrals.filter.status')}
          placeholder={t('referrals.filter.anyStatus')}
          data={REFERRAL_STATUSES.map((code) => ({ value: code, label: t(`referralStatus.${code}`) }))}
          value={status}
          clearable
          onChange={(value) => {
            setStatus(value as ReferralStatus | null);
            setPage(1);
          }}
          data-testid="referrals-filter-status"
        />
      </Group>
      <ErrorAlert error={referrals.error} />
      {referrals.data && referrals.data.items.length === 0 ? (
        <Text c="dimmed" data-testid="referrals-empty">
          {t(direction === 'incoming' ? 'referrals.emptyIncoming' : 'referrals.emptyOutgoing')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={820} type="native">
          <Table striped highlightOnHover data-testid="referrals-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('referrals.reference')}</Table.Th>
                <Table.Th>{t('referrals.service')}</Table.Th>
                <Table.Th>{t('referrals.urgency')}</Table.Th>
                <Table.Th>{t(direction === 'incoming' ? 'referrals.from' : 'referrals.to')}</Table.Th>
                {direction === 'outgoing' && <Table.Th>{t('referrals.case')}</Table.Th>}
                <Table.Th>{t('referrals.sentAt')}</Table.Th>
                <Table.Th>{t('common.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(referrals.data?.items ?? []).map((r) => (
                <Table.Tr
                  key={r.id}
                  onClick={() => navigate(`/referrals/${r.id}`)}
                  style={{ cursor: 'pointer' }}
                  data-testid="referral-row"
                  data-id={r.id}
                  data-status={r.status}
                >
                  <Table.Td>
                    <Text span ff="monospace" size="sm" dir="ltr">
                      {r.reference}
                    </Text>
                  </Table.Td>
                  <Table.Td>{t(`serviceType.${r.serviceType}`)}</Table.Td>
                  <Table.Td>
                    <UrgencyBadge urgency={r.urgency} />
                  </Table.Td>
                  <Table.Td>{direction === 'incoming' ? r.referringAgencyName : r.providerName}</Table.Td>
                  {direction === 'outgoing' && (
                    <Table.Td>
                      <Text span ff="monospace" size="sm" dir="ltr">
                        {r.caseNumber ?? '—'}
                      </Text>
                    </Table.Td>
                  )}
                  <Table.Td>{formatMoment(intl, r.sentAt)}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      <ReferralStatusBadge status={r.status} />
                      {r.overdue && (
                        <Badge color="red" size="sm" data-testid="referral-overdue">
                          {t('referrals.overdue')}
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Pager page={page} pageSize={PAGE_SIZE} total={referrals.data?.total ?? 0} onChange={setPage} />
    </>
  );
}
