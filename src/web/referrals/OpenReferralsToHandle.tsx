import { Alert, Anchor, Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconInfoCircle } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { Link } from 'react-router-dom';
import type { OpenReferralOfClosure } from '../../shared/api/case-closure';
import { referralsApi } from '../../shared/api/referrals';
import { call } from '../api/call';
import { ConfirmModal } from '../common/ConfirmModal';
import { caseKeys } from '../cases/caseApi';
import { ReferralStatusBadge } from './ReferralBadges';
import { referralKeys } from './referralApi';

type Move = 'complete' | 'cancel';

/**
 * The referrals that keep a case open, each with what the worker may do about it:
 * complete it (when they are the provider delivering it), cancel it (the sender),
 * or keep it open, which explains how care is handed over without closing. Each
 * move goes through the referral's own route and asks first; a cancelled shelter
 * referral ends a placement, and the question says so.
 */
export function OpenReferralsToHandle({ caseId, referrals, onHandled }: { caseId: string; referrals: OpenReferralOfClosure[]; onHandled: (id: string) => void }) {
  const intl = useIntl();
  const t = (id: string) => intl.formatMessage({ id });
  const queryClient = useQueryClient();
  const [asking, setAsking] = useState<{ referral: OpenReferralOfClosure; move: Move } | null>(null);
  const [kept, setKept] = useState<ReadonlySet<string>>(new Set());

  const run = async () => {
    if (!asking) return;
    const { referral, move } = asking;
    const params = { id: referral.id };
    await (move === 'cancel' ? call(referralsApi.cancel, { params, body: { note: null } }) : call(referralsApi.complete, { params }));
    void queryClient.invalidateQueries({ queryKey: referralKeys.all });
    void queryClient.invalidateQueries({ queryKey: referralKeys.caseRecords(caseId, 'referrals') });
    void queryClient.invalidateQueries({ queryKey: caseKeys.sub(caseId, 'timeline') });
    notifications.show({ color: 'teal', message: t(`referral.done.${move}`) });
    onHandled(referral.id);
  };

  return (
    <Stack gap="sm" data-testid="case-close-open-referrals">
      <Table.ScrollContainer minWidth={640} type="native">
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('referrals.reference')}</Table.Th>
              <Table.Th>{t('referrals.to')}</Table.Th>
              <Table.Th>{t('referrals.service')}</Table.Th>
              <Table.Th>{t('common.status')}</Table.Th>
              <Table.Th>{t('common.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {referrals.map((r) => (
              <Table.Tr key={r.id} data-testid="case-close-open-referral" data-id={r.id} data-status={r.status}>
                <Table.Td>
                  <Anchor component={Link} to={`/referrals/${r.id}`} dir="ltr">
                    {r.reference}
                  </Anchor>
                </Table.Td>
                <Table.Td>{r.providerName}</Table.Td>
                <Table.Td>
                  {t(`serviceType.${r.serviceType}`)}
                  {r.bedHeld && (
                    <Badge ms="xs" size="sm" color="grape" variant="light">
                      {t('caseOverview.closure.bedHeld')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  <ReferralStatusBadge status={r.status} />
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    {r.actions.includes('complete') && (
                      <Button size="xs" color="green" variant="light" onClick={() => setAsking({ referral: r, move: 'complete' })} data-testid="case-close-referral-complete">
                        {t('referral.complete')}
                      </Button>
                    )}
                    {r.actions.includes('cancel') && (
                      <Button size="xs" color="red" variant="light" onClick={() => setAsking({ referral: r, move: 'cancel' })} data-testid="case-close-referral-cancel">
                        {t('referral.cancel')}
                      </Button>
                    )}
                    <Button size="xs" variant="default" onClick={() => setKept(new Set([...kept, r.id]))} data-testid="case-close-referral-keep">
                      {t('caseOverview.closure.keep')}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {referrals.some((r) => kept.has(r.id)) && (
        <Alert color="blue" icon={<IconInfoCircle aria-hidden />} data-testid="case-close-keep-explained">
          <Text size="sm">{t('caseOverview.closure.keepExplained')}</Text>
        </Alert>
      )}
      <ConfirmModal
        opened={asking !== null}
        title={asking ? t(`caseOverview.closure.${asking.move}Title`) : ''}
        message={
          asking
            ? intl.formatMessage(
                { id: asking.move === 'cancel' && asking.referral.bedHeld ? 'caseOverview.closure.cancelPlacement' : `caseOverview.closure.${asking.move}Confirm` },
                { reference: asking.referral.reference, provider: asking.referral.providerName },
              )
            : ''
        }
        confirmLabel={asking ? t(asking.move === 'cancel' ? 'referral.cancel' : 'referral.complete') : ''}
        danger={asking?.move === 'cancel'}
        onConfirm={run}
        onClose={() => setAsking(null)}
      />
    </Stack>
  );
}
