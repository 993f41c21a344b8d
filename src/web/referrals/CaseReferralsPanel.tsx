import { Button, Group, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconSend } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { Link } from 'react-router-dom';
import type { CaseDetail } from '../../shared/api/cases';
import { referralsApi } from '../../shared/api/referrals';
import { CLOSED_CASE_STATUSES } from '../../shared/htcds/case';
import { call } from '../api/call';
import { ErrorAlert } from '../common/ErrorAlert';
import { formatMoment } from '../cases/labels';
import { ReferralCreateModal } from './ReferralCreateModal';
import { ReferralStatusBadge, UrgencyBadge } from './ReferralBadges';
import { referralKeys } from './referralApi';
import { useCareAccess } from './useCareAccess';

/** The case's referrals, and the "Refer" button for those who work the case. */
export function CaseReferralsPanel({ caseData }: { caseData: CaseDetail }) {
  const intl = useIntl();
  const t = (id: string) => intl.formatMessage({ id });
  const queryClient = useQueryClient();
  const may = useCareAccess(caseData);
  const [creating, setCreating] = useState(false);
  const key = referralKeys.caseRecords(caseData.id, 'referrals');
  const referrals = useQuery({ queryKey: key, queryFn: () => call(referralsApi.ofCase, { params: { id: caseData.id } }) });
  const open = !CLOSED_CASE_STATUSES.includes(caseData.status);

  return (
    <Stack data-testid="case-referrals">
      {may('referral.create') && open && (
        <Group justify="flex-end">
          <Button leftSection={<IconSend size={16} aria-hidden />} onClick={() => setCreating(true)} data-testid="referral-create">
            {t('referral.create.open')}
          </Button>
        </Group>
      )}
      <ErrorAlert error={referrals.error} />
      {referrals.data?.items.length === 0 ? (
        <Text c="dimmed">{t('referrals.emptyCase')}</Text>
      ) : (
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('referrals.reference')}</Table.Th>
              <Table.Th>{t('referrals.service')}</Table.Th>
              <Table.Th>{t('referrals.to')}</Table.Th>
              <Table.Th>{t('referrals.urgency')}</Table.Th>
              <Table.Th>{t('referrals.sentAt')}</Table.Th>
              <Table.Th>{t('common.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(referrals.data?.items ?? []).map((r) => (
              <Table.Tr key={r.id} data-testid="referral-row" data-id={r.id} data-status={r.status}>
                <Table.Td>
                  <Link to={`/referrals/${r.id}`} dir="ltr">
                    {r.reference}
                  </Link>
                </Table.Td>
                <Table.Td>{t(`serviceType.${r.serviceType}`)}</Table.Td>
                <Table.Td>{r.providerName}</Table.Td>
                <Table.Td>
                  <UrgencyBadge urgency={r.urgency} />
                </Table.Td>
                <Table.Td>{formatMoment(intl, r.sentAt)}</Table.Td>
                <Table.Td>
                  <ReferralStatusBadge status={r.status} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {creating && (
        <ReferralCreateModal
          caseData={caseData}
          onClose={() => setCreating(false)}
          onCreated={(created) => {
            setCreating(false);
            void queryClient.invalidateQueries({ queryKey: key });
            notifications.show({ color: 'teal', message: intl.formatMessage({ id: 'referral.create.sent' }, { reference: created.reference }) });
          }}
        />
      )}
    </Stack>
  );
}
