import { Badge, Group, Select, Table, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useIntl } from 'react-intl';
import { useSearchParams } from 'react-router-dom';
import { REFERRAL_URGENCIES, type ReferralUrgency } from '../../shared/api/referrals';
import { ACCEPTANCE_WINDOW_DAYS, NATIONAL_REFERRAL_STATES, worklistsApi, type NationalReferralState } from '../../shared/api/worklists';
import { call } from '../api/call';
import { ErrorAlert } from '../common/ErrorAlert';
import { PageTitle } from '../common/PageTitle';
import { Pager } from '../common/Pager';
import { formatMoment } from '../cases/labels';
import { ReferralStatusBadge, UrgencyBadge } from '../referrals/ReferralBadges';
import { ActiveFilters } from './ActiveFilters';

const PAGE_SIZE = 25;

const stateOf = (value: string | null) => NATIONAL_REFERRAL_STATES.find((s) => s === value);
const urgencyOf = (value: string | null) => REFERRAL_URGENCIES.find((u) => u === value);

/**
 * Behind the coordinator's referral tiles (`?state=waiting|overdue|accepted`, `&urgency=`): referrals
 * across the country as references, services, organisations and times. The filters live in the URL,
 * so the tile's filter is what the page opens with, shown and removable.
 */
export function NationalReferralsPage() {
  const intl = useIntl();
  const t = (id: string) => intl.formatMessage({ id });
  const [searchParams, setSearchParams] = useSearchParams();
  const state = stateOf(searchParams.get('state'));
  const urgency = urgencyOf(searchParams.get('urgency'));
  const page = Math.max(1, Number(searchParams.get('page')) || 1);
  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(searchParams);
    for (const [key, value] of Object.entries({ ...changes, page: changes.page })) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setSearchParams(next, { replace: true });
  };
  const referrals = useQuery({
    queryKey: ['oversight', 'referrals', { state, urgency, page }],
    queryFn: () => call(worklistsApi.nationalReferrals, { query: { state, urgency, page, pageSize: PAGE_SIZE } }),
    placeholderData: keepPreviousData,
  });
  const stateLabel = (s: NationalReferralState) => intl.formatMessage({ id: `oversight.state.${s}` }, { days: ACCEPTANCE_WINDOW_DAYS });
  const urgencyLabel = (u: ReferralUrgency) => t(`referralUrgency.${u}`);
  const active = [
    ...(state ? [{ key: 'state', label: stateLabel(state) }] : []),
    ...(urgency ? [{ key: 'urgency', label: urgencyLabel(urgency) }] : []),
  ];
  const items = referrals.data?.items ?? [];

  return (
    <>
      <PageTitle id="oversight.referrals.title" />
      <Text c="dimmed" size="sm" mb="md">
        {t('oversight.referrals.intro')}
      </Text>
      <Group mb="sm" align="flex-end">
        <Select
          label={t('oversight.referrals.state')}
          placeholder={t('oversight.referrals.anyState')}
          data={NATIONAL_REFERRAL_STATES.map((s) => ({ value: s, label: stateLabel(s) }))}
          value={state ?? null}
          clearable
          onChange={(value) => update({ state: value ?? undefined })}
          data-testid="oversight-filter-state"
        />
        <Select
          label={t('oversight.referrals.urgency')}
          placeholder={t('oversight.referrals.anyUrgency')}
          data={REFERRAL_URGENCIES.map((u) => ({ value: u, label: urgencyLabel(u) }))}
          value={urgency ?? null}
          clearable
          onChange={(value) => update({ urgency: value ?? undefined })}
          data-testid="oversight-filter-urgency"
        />
      </Group>
      <ActiveFilters filters={active} onRemove={(key) => update({ [key]: undefined })} />
      <ErrorAlert error={referrals.error} />
      {referrals.data && items.length === 0 ? (
        <Text c="dimmed" data-testid="oversight-referrals-empty">
          {t('oversight.referrals.empty')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={960} type="native">
          <Table striped data-testid="oversight-referrals-table">
            <Table.Thead>
              <Table.Tr>
                {['reference', 'service', 'from', 'to', 'sentAt', state === 'accepted' ? 'acceptedAfter' : 'due', 'status'].map((column) => (
                  <Table.Th key={column}>{t(`oversight.referrals.${column}`)}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((r) => (
                <Table.Tr key={r.id} data-testid="oversight-referral-row" data-overdue={r.overdue} data-status={r.status} data-urgency={r.urgency}>
                  <Table.Td>
                    <Text span ff="monospace" size="sm" dir="ltr">
                      {r.reference}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {t(`serviceType.${r.serviceType}`)}
                      <UrgencyBadge urgency={r.urgency} />
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <bdi>{r.referringAgencyName}</bdi>
                  </Table.Td>
                  <Table.Td>
                    <bdi>{r.receivingAgencyName}</bdi>
                  </Table.Td>
                  <Table.Td>{formatMoment(intl, r.sentAt)}</Table.Td>
                  <Table.Td>
                    {state === 'accepted'
                      ? intl.formatMessage({ id: 'oversight.referrals.hours' }, { hours: intl.formatNumber((r.minutesToAcceptance ?? 0) / 60, { maximumFractionDigits: 1 }) })
                      : formatMoment(intl, r.dueAt)}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      <ReferralStatusBadge status={r.status} />
                      {r.overdue && (
                        <Badge color="red" size="sm">
                          {t('oversight.referrals.overdue')}
                        </Badge>
                      )}
                      {r.consentOverride && (
                        <Badge color="orange" size="sm" variant="outline">
                          {t('oversight.referrals.override')}
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
      <Pager page={page} pageSize={PAGE_SIZE} total={referrals.data?.total ?? 0} onChange={(next) => update({ page: String(next) })} />
    </>
  );
}
