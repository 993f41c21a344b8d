import { Button, Group, Modal, Radio, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { overrideReviewApi, type OverrideReviewItem, type OverrideReviewOutcome } from '../../shared/api/override-review';
import { call } from '../api/call';
import { ErrorAlert } from '../common/ErrorAlert';
import { formatMoment } from '../cases/labels';

/**
 * The coordinator's decision on one override: approve, or flag with a note for the sending
 * organisation (required, checked here and again by the server). Recorded once.
 */
export function ReviewOverrideModal({ override, onClose }: { override: OverrideReviewItem; onClose: () => void }) {
  const intl = useIntl();
  const t = (id: string) => intl.formatMessage({ id });
  const queryClient = useQueryClient();
  const [outcome, setOutcome] = useState<OverrideReviewOutcome>('approved');
  const [note, setNote] = useState('');
  const [noteMissing, setNoteMissing] = useState(false);
  const review = useMutation({
    mutationFn: () =>
      call(overrideReviewApi.review, {
        params: { id: override.id },
        body: outcome === 'flagged' ? { outcome, note: note.trim() } : { outcome, note: note.trim() || null },
      }),
    onSuccess: async () => {
      notifications.show({ color: 'teal', message: intl.formatMessage({ id: 'oversight.review.done' }, { reference: override.reference }) });
      // The list and the home tile's count both change.
      await Promise.all([queryClient.invalidateQueries({ queryKey: ['oversight'] }), queryClient.invalidateQueries({ queryKey: ['worklist'] })]);
      onClose();
    },
  });
  const submit = () => {
    if (outcome === 'flagged' && note.trim().length < 5) {
      setNoteMissing(true);
      return;
    }
    review.mutate();
  };
  return (
    <Modal opened onClose={onClose} title={intl.formatMessage({ id: 'oversight.review.title' }, { reference: override.reference })} size="lg">
      <Stack data-testid="override-review-form">
        <Text size="sm">
          {intl.formatMessage(
            { id: 'oversight.review.facts' },
            {
              date: formatMoment(intl, override.sentAt),
              name: override.sentByName,
              agency: override.referringAgencyName,
              receiver: override.receivingAgencyName,
              service: t(`serviceType.${override.serviceType}`),
              urgency: t(`referralUrgency.${override.urgency}`),
            },
          )}
        </Text>
        <Radio.Group label={t('oversight.review.outcome')} value={outcome} onChange={(value) => setOutcome(value as OverrideReviewOutcome)} required>
          <Stack gap="xs" mt="xs">
            <Radio value="approved" label={t('oversight.review.approve')} data-testid="override-review-approve" />
            <Radio value="flagged" label={t('oversight.review.flag')} data-testid="override-review-flag" />
          </Stack>
        </Radio.Group>
        <Textarea
          label={t('oversight.review.note')}
          description={t('oversight.review.noteHelp')}
          value={note}
          onChange={(event) => {
            setNote(event.currentTarget.value);
            setNoteMissing(false);
          }}
          required={outcome === 'flagged'}
          error={noteMissing ? t('oversight.review.noteRequired') : undefined}
          errorProps={{ 'data-testid': 'override-review-note-error' }}
          autosize
          minRows={3}
          maxLength={2000}
          data-testid="override-review-note"
        />
        <ErrorAlert error={review.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color={outcome === 'flagged' ? 'orange' : 'teal'} onClick={submit} loading={review.isPending} data-testid="override-review-submit">
            {t('oversight.review.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
