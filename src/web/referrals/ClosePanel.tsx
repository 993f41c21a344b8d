import { Alert, Button, Select, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCircleCheck } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { caseClosureApi, openReferralsDetails, type OpenReferralOfClosure } from '../../shared/api/case-closure';
import type { CaseDetail } from '../../shared/api/cases';
import { CASE_CLOSURE_REASONS, CLOSED_CASE_STATUSES, type CaseClosureReason } from '../../shared/htcds/case';
import { call } from '../api/call';
import { ApiError } from '../api/client';
import { ConfirmModal } from '../common/ConfirmModal';
import { ErrorAlert } from '../common/ErrorAlert';
import { caseKeys } from '../cases/caseApi';
import { CODE_PREFIX, codeLabel, codeOptions, formatMoment } from '../cases/labels';
import { OpenReferralsToHandle } from './OpenReferralsToHandle';
import { useCareAccess } from './useCareAccess';

/**
 * Closing the case with a reason (HTCDS cas_ReasonForCaseClosure codes), after a
 * confirmation. Open referrals stop the closure: the server says so (409
 * 'open_referrals') and lists them, and the panel shows that true reason with the
 * referrals, so the worker completes, cancels or keeps each one. Nothing is
 * cancelled as a side effect of closing (a child's placement would end with it).
 */
export function ClosePanel({ caseData }: { caseData: CaseDetail }) {
  const intl = useIntl();
  const t = (id: string) => intl.formatMessage({ id });
  const queryClient = useQueryClient();
  const may = useCareAccess(caseData)('case.close');
  const [reason, setReason] = useState<CaseClosureReason | null>(null);
  const [note, setNote] = useState('');
  const [blocking, setBlocking] = useState<{ error: ApiError; referrals: OpenReferralOfClosure[] } | null>(null);
  const [confirming, setConfirming] = useState(false);

  if (CLOSED_CASE_STATUSES.includes(caseData.status)) {
    return (
      <Alert color="gray" data-testid="case-closed">
        {intl.formatMessage({ id: 'closure.closedOn' }, { date: formatMoment(intl, caseData.closedAt), reason: codeLabel(intl, CODE_PREFIX.closureReason, caseData.closureReason) })}
      </Alert>
    );
  }
  if (!may) return <Text c="dimmed">{t('closure.notAllowed')}</Text>;

  const close = async () => {
    if (!reason) return; // the button waits for a reason
    try {
      await call(caseClosureApi.close, { params: { id: caseData.id }, body: { version: caseData.version, closureReason: reason, closureNote: note.trim() || null } });
    } catch (caught) {
      const details = caught instanceof ApiError ? openReferralsDetails.safeParse(caught.details) : null;
      if (caught instanceof ApiError && details?.success) {
        // Not a failure of the confirmation: the case has work left. Show it in the panel.
        setBlocking({ error: caught, referrals: details.data.openReferrals });
        return;
      }
      throw caught;
    }
    setBlocking(null);
    await queryClient.invalidateQueries({ queryKey: caseKeys.detail(caseData.id) });
    notifications.show({ color: 'teal', message: t('closure.done') });
  };
  const handled = (id: string) => setBlocking((current) => (current ? { ...current, referrals: current.referrals.filter((r) => r.id !== id) } : null));

  return (
    <Stack maw={860} data-testid="case-close">
      <Text size="sm" c="dimmed">
        {t('closure.intro')}
      </Text>
      <Select label={t('closure.reason')} data={codeOptions(intl, CODE_PREFIX.closureReason, CASE_CLOSURE_REASONS)} value={reason} onChange={(v) => setReason(v as CaseClosureReason | null)} required data-testid="case-close-reason" />
      <Textarea label={t('closure.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} maxLength={5000} data-testid="case-close-note" />
      {blocking && blocking.referrals.length > 0 && (
        <>
          <ErrorAlert error={blocking.error} testId="case-close-blocked" />
          <OpenReferralsToHandle caseId={caseData.id} referrals={blocking.referrals} onHandled={handled} />
        </>
      )}
      {blocking && blocking.referrals.length === 0 && (
        <Alert color="teal" icon={<IconCircleCheck aria-hidden />} data-testid="case-close-ready">
          {t('caseOverview.closure.ready')}
        </Alert>
      )}
      <Button color="red" disabled={!reason || (blocking !== null && blocking.referrals.length > 0)} onClick={() => setConfirming(true)} data-testid="case-close-submit" style={{ alignSelf: 'flex-start' }}>
        {t('closure.submit')}
      </Button>
      <ConfirmModal
        opened={confirming}
        title={t('closure.confirmTitle')}
        message={intl.formatMessage({ id: 'closure.confirm' }, { reason: codeLabel(intl, CODE_PREFIX.closureReason, reason) })}
        confirmLabel={t('closure.submit')}
        danger
        onConfirm={close}
        onClose={() => setConfirming(false)}
      />
    </Stack>
  );
}
