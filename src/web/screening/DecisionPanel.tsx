import { Alert, Button, Card, Collapse, Group, Select, Stack, Text, Textarea } from '@mantine/core';
import { IconCheck, IconPencil } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { SCREENING_OUTCOMES, screeningsApi, type DecisionStatus, type ScreeningDetail, type ScreeningOutcome } from '../../shared/api/screening';
import { call } from '../api/call';
import { ErrorAlert } from '../common/ErrorAlert';
import { screeningKeys } from './screeningApi';

/** What the responder has typed in the decision so far (kept by the interview while they go back to the answers). */
export interface DecisionDraft {
  overriding: boolean;
  outcome: ScreeningOutcome | null;
  reason: string;
}
export const EMPTY_DECISION: DecisionDraft = { overriding: false, outcome: null, reason: '' };
export type DecisionInput = { outcome: ScreeningOutcome; reason: string | null };

interface DecisionFormProps {
  suggestedOutcome: ScreeningOutcome;
  /** The decision on record, if any. */
  decided: { status: DecisionStatus; outcome: ScreeningOutcome | null } | null;
  draft: DecisionDraft;
  onDraftChange: (draft: DecisionDraft) => void;
  onSubmit: (decision: DecisionInput) => void;
  pending: boolean;
  error: unknown;
}

/** Confirm the suggested outcome, or override it with a reason (the reason is kept encrypted). */
export function DecisionForm({ suggestedOutcome, decided, draft, onDraftChange, onSubmit, pending, error }: DecisionFormProps) {
  const intl = useIntl();
  const t = (id: string) => intl.formatMessage({ id });
  const [reasonError, setReasonError] = useState<string | null>(null);
  // An override choice that became the suggestion (an answer changed since) is no override any more.
  const chosen = draft.outcome === suggestedOutcome ? null : draft.outcome;

  const submitOverride = () => {
    if (!chosen) return;
    if (draft.reason.trim().length < 3) {
      setReasonError(t('screening.decision.reasonRequired'));
      return;
    }
    setReasonError(null);
    onSubmit({ outcome: chosen, reason: draft.reason.trim() });
  };

  return (
    <Card withBorder padding="md" data-testid="screening-decision">
      <Stack gap="sm">
        {decided && decided.status !== 'pending' && decided.outcome && (
          <Alert color="teal" icon={<IconCheck aria-hidden />} data-testid="screening-decided">
            {intl.formatMessage(
              { id: decided.status === 'overridden' ? 'screening.decision.overridden' : 'screening.decision.confirmed' },
              { outcome: t(`screening.outcome.${decided.outcome}`) },
            )}
          </Alert>
        )}
        <Text size="sm">{t('screening.decision.help')}</Text>
        <Group gap="sm" wrap="wrap">
          <Button
            leftSection={<IconCheck size={16} aria-hidden />}
            onClick={() => onSubmit({ outcome: suggestedOutcome, reason: null })}
            loading={pending && !draft.overriding}
            data-testid="screening-confirm"
          >
            {t('screening.decision.confirm')}
          </Button>
          <Button
            variant="default"
            leftSection={<IconPencil size={16} aria-hidden />}
            onClick={() => onDraftChange({ ...draft, overriding: !draft.overriding })}
            data-testid="screening-override-toggle"
          >
            {t('screening.decision.override')}
          </Button>
        </Group>
        <Collapse expanded={draft.overriding}>
          <Stack gap="sm">
            <Select
              label={t('screening.decision.outcome')}
              data={SCREENING_OUTCOMES.filter((o) => o !== suggestedOutcome).map((o) => ({ value: o, label: t(`screening.outcome.${o}`) }))}
              value={chosen}
              onChange={(value) => onDraftChange({ ...draft, outcome: SCREENING_OUTCOMES.find((o) => o === value) ?? null })}
              comboboxProps={{ withinPortal: true }}
              data-testid="screening-override-outcome"
            />
            <Textarea
              label={t('screening.decision.reason')}
              description={t('screening.decision.reasonHelp')}
              autosize
              minRows={2}
              maxLength={2000}
              value={draft.reason}
              error={reasonError}
              onChange={(event) => onDraftChange({ ...draft, reason: event.currentTarget.value })}
              data-testid="screening-override-reason"
            />
            <Group>
              <Button onClick={submitOverride} disabled={!chosen} loading={pending && draft.overriding} data-testid="screening-override-submit">
                {t('screening.decision.saveOverride')}
              </Button>
            </Group>
          </Stack>
        </Collapse>
        <ErrorAlert error={error} />
      </Stack>
    </Card>
  );
}

/** The decision on a saved screening (its page): confirm or override, saved at once. */
export function DecisionPanel({ screening, onDecided }: { screening: ScreeningDetail; onDecided?: (detail: ScreeningDetail) => void }) {
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<DecisionDraft>(EMPTY_DECISION);

  const decide = useMutation({
    mutationFn: (body: DecisionInput) => call(screeningsApi.decide, { params: { id: screening.id }, body: { version: screening.version, ...body } }),
    onSuccess: (detail) => {
      queryClient.setQueryData(screeningKeys.detail(detail.id), detail);
      void queryClient.invalidateQueries({ queryKey: screeningKeys.all });
      setDraft(EMPTY_DECISION);
      onDecided?.(detail);
    },
  });

  return (
    <DecisionForm
      suggestedOutcome={screening.suggestedOutcome}
      decided={{ status: screening.decisionStatus, outcome: screening.outcome }}
      draft={draft}
      onDraftChange={setDraft}
      onSubmit={(body) => decide.mutate(body)}
      pending={decide.isPending}
      error={decide.error}
    />
  );
}
