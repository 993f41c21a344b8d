import { Alert, Anchor, Button, Group, Loader, Stack, Stepper } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { Link, useSearchParams } from 'react-router-dom';
import { VICTIM_OUTCOMES, screeningsApi, type ScreeningDetail } from '../../shared/api/screening';
import { call } from '../api/call';
import { ErrorAlert } from '../common/ErrorAlert';
import { PageTitle } from '../common/PageTitle';
import { ContextStep } from './ContextStep';
import { DecisionPanel } from './DecisionPanel';
import { emptyDraft, missingInStep, toRequest, type ScreeningDraft } from './draft';
import { IndicatorsStep } from './IndicatorsStep';
import { OpenCasePanel } from './OpenCasePanel';
import { OutcomePanel } from './OutcomePanel';
import { PersonStep } from './PersonStep';
import { screeningKeys, useCurrentIndicatorSet } from './screeningApi';

const STEPS = ['context', 'person', 'indicators', 'result', 'case'] as const;

/**
 * The guided screening interview, one step per screen so it works on a phone:
 * context → person basics → indicators → suggested outcome with reasons and the
 * responder's decision → (for a presumed or possible victim) opening a case.
 */
export function NewScreeningPage() {
  const intl = useIntl();
  const t = (id: string) => intl.formatMessage({ id });
  const queryClient = useQueryClient();
  const [search] = useSearchParams();
  const set = useCurrentIndicatorSet();
  const [step, setStep] = useState(0);
  const [draft, setDraft] = useState<ScreeningDraft>(() => emptyDraft(search.get('reportId')));
  const [errors, setErrors] = useState<string[]>([]);
  const [screening, setScreening] = useState<ScreeningDetail | null>(null);
  // On a phone only the current step is named, so the stepper stays on one line.
  const narrow = useMediaQuery('(max-width: 36em)');

  const submit = useMutation({
    mutationFn: () => call(screeningsApi.create, { body: toRequest(draft, set.data!.id) }),
    onSuccess: (detail) => {
      setScreening(detail);
      queryClient.setQueryData(screeningKeys.detail(detail.id), detail);
      void queryClient.invalidateQueries({ queryKey: screeningKeys.all });
      setStep(3);
    },
  });

  const next = () => {
    const missing = missingInStep(draft, step);
    setErrors(missing);
    if (missing.length > 0) return;
    if (step === 2) submit.mutate();
    else setStep(step + 1);
    window.scrollTo({ top: 0 });
  };
  const canOpenCase = Boolean(screening?.allowedActions.includes('screening.openCase'));
  const decided = screening && screening.decisionStatus !== 'pending';

  if (set.isPending) return <Loader />;
  if (set.error) return <ErrorAlert error={set.error} />;
  const indicators = set.data.indicators;

  return (
    <>
      <PageTitle id="screening.new.title" />
      <Stepper active={step} onStepClick={(s) => !screening && s < step && setStep(s)} size={narrow ? 'xs' : 'sm'} wrap={false} allowNextStepsSelect={false} data-testid="screening-stepper">
        {STEPS.map((name, index) => (
          <Stepper.Step key={name} label={!narrow || index === step ? t(`screening.step.${name}`) : undefined} aria-label={t(`screening.step.${name}`)} />
        ))}
      </Stepper>
      <Stack mt="lg">
        {step === 0 && <ContextStep draft={draft} onChange={setDraft} errors={errors} />}
        {step === 1 && <PersonStep draft={draft} onChange={setDraft} errors={errors} />}
        {step === 2 && (
          <IndicatorsStep
            indicators={indicators}
            isChild={draft.isChild}
            answers={draft.answers}
            onAnswer={(code, answer) => setDraft((d) => ({ ...d, answers: { ...d.answers, [code]: answer } }))}
          />
        )}
        {step === 3 && screening && (
          <>
            <OutcomePanel suggestion={screening.suggestion} indicators={indicators} />
            <DecisionPanel screening={screening} onDecided={setScreening} />
            {decided && (
              <Group>
                {canOpenCase ? (
                  <Button onClick={() => setStep(4)} data-testid="screening-next">
                    {t('screening.case.start')}
                  </Button>
                ) : (
                  <Alert color="gray" data-testid="screening-done">
                    {t(VICTIM_OUTCOMES.includes(screening.outcome!) ? 'screening.done.victim' : 'screening.done.negative')}{' '}
                    <Anchor component={Link} to={`/screenings/${screening.id}`}>
                      {t('screening.done.view')}
                    </Anchor>
                  </Alert>
                )}
              </Group>
            )}
          </>
        )}
        {step === 4 && screening && <OpenCasePanel screening={screening} />}
        <ErrorAlert error={submit.error} />
        {step < 3 && (
          <Group justify="space-between">
            <Button variant="default" disabled={step === 0} onClick={() => setStep(step - 1)} data-testid="screening-back">
              {t('screening.back')}
            </Button>
            <Button onClick={next} loading={submit.isPending} data-testid="screening-next">
              {t(step === 2 ? 'screening.submit' : 'screening.next')}
            </Button>
          </Group>
        )}
      </Stack>
    </>
  );
}
