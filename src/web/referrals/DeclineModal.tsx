import { Button, Group, Modal, Select, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { DECLINE_REASONS, referralsApi, type DeclineReason, type ReferralDetail } from '../../shared/api/referrals';
import { call } from '../api/call';
import { ConfirmModal } from '../common/ConfirmModal';

/** Declining asks why (a countable reason and an optional note), then asks for confirmation. */
export function DeclineModal({ referral, onClose, onDeclined }: { referral: ReferralDetail; onClose: () => void; onDeclined: (r: ReferralDetail) => void }) {
  const intl = useIntl();
  const t = (id: string) => intl.formatMessage({ id });
  const [reason, setReason] = useState<DeclineReason | null>(null);
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);
  const [confirming, setConfirming] = useState(false);

  return (
    <>
      <Modal opened={!confirming} onClose={onClose} title={t('referral.decline.title')}>
        <Stack data-testid="decline-form">
          <Select
            label={t('referral.decline.reason')}
            data={DECLINE_REASONS.map((code) => ({ value: code, label: t(`declineReason.${code}`) }))}
            value={reason}
            onChange={(value) => {
              setReason(value as DeclineReason | null);
              setMissing(false);
            }}
            error={missing ? t('validation.required') : undefined}
            required
            data-testid="decline-reason"
          />
          <Textarea label={t('referral.decline.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} maxLength={2000} data-testid="decline-note" />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button color="orange" onClick={() => (reason ? setConfirming(true) : setMissing(true))} data-testid="decline-next">
              {t('referral.decline.action')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      <ConfirmModal
        opened={confirming}
        title={t('referral.decline.confirmTitle')}
        message={intl.formatMessage({ id: 'referral.decline.confirm' }, { reference: referral.reference })}
        confirmLabel={t('referral.decline.action')}
        danger
        onConfirm={async () => {
          // The confirmation only opens once a reason is chosen.
          if (reason) onDeclined(await call(referralsApi.decline, { params: { id: referral.id }, body: { reason, note: note.trim() || null } }));
        }}
        onClose={onClose}
      />
    </>
  );
}
