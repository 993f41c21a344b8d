import { Alert, Button, Card, Collapse, Group, Select, Stack, Text, Textarea } from '@mantine/core';
import { IconCheck, IconPencil } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { SCREENING_OUTCOMES, screeningsApi, type ScreeningDetail, type ScreeningOutcome } from '../../shared/api/screening';
import { call } from '../api/call';
import { ErrorAlert } from '../common/ErrorAlert';
import { screeningKeys } from './screeningApi';

/** Confirm the suggested outcome, or override it with a reason (the reason is kept encrypted). */
export function DecisionPanel({ screening, onDecided }: { screening: ScreeningDetail; onDecided?: (detail: ScreeningDetail) => void }) {
  const intl = useIntl();
  const t = (id: string) => intl.formatMessage({ id });
  const queryClient = useQueryClient();
  const [overriding, setOverriding] = useState(false);
  const [outcome, setOutcome] = useState<ScreeningOutcome | null>(null);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);

  const decide = useMutation({
    mutationFn: (body: { outcome: ScreeningOutcome; reason: string | null }) =>
      call(screeningsApi.decide, { params: { id: screening.id }, body: { version: screening.version, ...body } }),
    onSuccess: (detail) => {
      queryClient.setQueryData(screeningKeys.detail(detail.id), detail);
      void queryClient.invalidateQueries({ queryKey: screeningKeys.all });
      setOverriding(false);
      onDecided?.(detail);
    },
  });

  const submitOverride = () => {
    if (!outcome) return;
    if (reason.trim().length < 3) {
      setReasonError(t('screening.decision.reasonRequired'));
      return;
    }
    setReasonError(null);
    decide.mutate({ outcome, reason: reason.trim() });
  };

  return (
    <Card withBorder padding="md" data-testid="screening-decision">
      <Stack gap="sm">
        {screening.decisionStatus !== 'pending' && screening.outcome && (
          <Alert color="teal" icon={<IconCheck aria-hidden />} data-testid="screening-decided">
            {intl.formatMessage(
              { id: screening.decisionStatus === 'overridden' ? 'screening.decision.overridden' : 'screening.decision.confirmed' },
              { outcome: t(`screening.outcome.${screening.outcome}`) },
            )}
          </Alert>
        )}
        <Text size="sm">{t('screening.decision.help')}</Text>
        <Group gap="sm" wrap="wrap">
          <Button
            leftSection={<IconCheck size={16} aria-hidden />}
            onClick={() => decide.mutate({ outcome: screening.suggestedOutcome, reason: null })}
            loading={decide.isPending && !overriding}
            data-testid="screening-confirm"
          >
            {t('screening.decision.confirm')}
          </Button>
          <Button variant="default" leftSection={<IconPencil size={16} aria-hidden />} onClick={() => setOverriding((o) => !o)} data-testid="screening-override-toggle">
            {t('screening.decision.override')}
          </Button>
        </Group>
        <Collapse expanded={overriding}>
          <Stack gap="sm">
            <Select
              label={t('screening.decision.outcome')}
              data={SCREENING_OUTCOMES.filter((o) => o !== screening.suggestedOutcome).map((o) => ({ value: o, label: t(`screening.outcome.${o}`) }))}
              value={outcome}
              onChange={setOutcome}
              comboboxProps={{ withinPortal: true }}
              data-testid="screening-override-outcome"
            />
            <Textarea
              label={t('screening.decision.reason')}
              description={t('screening.decision.reasonHelp')}
              autosize
              minRows={2}
              maxLength={2000}
              value={reason}
              error={reasonError}
              onChange={(event) => setReason(event.currentTarget.value)}
              data-testid="screening-override-reason"
            />
            <Group>
              <Button onClick={submitOverride} disabled={!outcome} loading={decide.isPending && overriding} data-testid="screening-override-submit">
                {t('screening.decision.saveOverride')}
              </Button>
            </Group>
          </Stack>
        </Collapse>
        <ErrorAlert error={decide.error} />
      </Stack>
    </Card>
  );
}
