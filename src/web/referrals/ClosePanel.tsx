import { Alert, Button, Checkbox, Select, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import type { CaseDetail } from '../../shared/api/cases';
import { CASE_CLOSURE_REASONS, CLOSED_CASE_STATUSES, type CaseClosureReason } from '../../shared/htcds/case';
import { caseClosureApi } from '../../shared/api/case-closure';
import { call } from '../api/call';
import { ApiError } from '../api/client';
import { ConfirmModal } from '../common/ConfirmModal';
import { ErrorAlert } from '../common/ErrorAlert';
import { caseKeys } from '../cases/caseApi';
import { CODE_PREFIX, codeLabel, codeOptions, formatMoment } from '../cases/labels';
import { useCareAccess } from './useCareAccess';

/**
 * Closing the case with a reason (HTCDS cas_ReasonForCaseClosure codes). Open
 * referrals block closing unless the worker chooses to cancel them with it.
 */
export function ClosePanel({ caseData }: { caseData: CaseDetail }) {
  const intl = useIntl();
  const t = (id: string) => intl.formatMessage({ id });
  const queryClient = useQueryClient();
  const may = useCareAccess(caseData)('case.close');
  const [reason, setReason] = useState<CaseClosureReason | null>(null);
  const [note, setNote] = useState('');
  const [cancelOpen, setCancelOpen] = useState(false);
  const [openReferrals, setOpenReferrals] = useState<number | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<unknown>(null);

  if (CLOSED_CASE_STATUSES.includes(caseData.status)) {
    return (
      <Alert color="gray" data-testid="case-closed">
        {intl.formatMessage({ id: 'closure.closedOn' }, { date: formatMoment(intl, caseData.closedAt), reason: codeLabel(intl, CODE_PREFIX.closureReason, caseData.closureReason) })}
      </Alert>
    );
  }
  if (!may) return <Text c="dimmed">{t('closure.notAllowed')}</Text>;

  const close = async () => {
    setError(null);
    try {
      if (!reason) return; // the button waits for a reason
      await call(caseClosureApi.close, { params: { id: caseData.id }, body: { version: caseData.version, closureReason: reason, closureNote: note.trim() || null, cancelOpenReferrals: cancelOpen } });
    } catch (caught) {
      if (caught instanceof ApiError && caught.details.reason === 'open_referrals') setOpenReferrals(Number(caught.details.openReferrals));
      setError(caught);
      throw caught;
    }
    await queryClient.invalidateQueries({ queryKey: caseKeys.detail(caseData.id) });
    notifications.show({ color: 'teal', message: t('closure.done') });
  };

  return (
    <Stack maw={640} data-testid="case-close">
      <Text size="sm" c="dimmed">{t('closure.intro')}</Text>
      <ErrorAlert error={confirming ? null : error} />
      <Select label={t('closure.reason')} data={codeOptions(intl, CODE_PREFIX.closureReason, CASE_CLOSURE_REASONS)} value={reason} onChange={(v) => setReason(v as CaseClosureReason | null)} required data-testid="case-close-reason" />
      <Textarea label={t('closure.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} maxLength={5000} data-testid="case-close-note" />
      {openReferrals !== null && (
        <Alert color="orange" data-testid="case-close-open-referrals">
          {intl.formatMessage({ id: 'closure.openReferrals' }, { count: openReferrals })}
        </Alert>
      )}
      <Checkbox label={t('closure.cancelOpen')} checked={cancelOpen} onChange={(e) => setCancelOpen(e.currentTarget.checked)} data-testid="case-close-cancel-referrals" />
      <Button color="red" disabled={!reason} onClick={() => setConfirming(true)} data-testid="case-close-submit" style={{ alignSelf: 'flex-start' }}>
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
