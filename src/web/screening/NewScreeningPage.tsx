import { Alert, Anchor, Button, Group, Loader, Stack, Stepper } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useIntl } from 'react-intl';
import { Link, useSearchParams } from 'react-router-dom';
import { VICTIM_OUTCOMES, screeningsApi, type ScreeningDetail } from '../../shared/api/screening';
import { classifyScreening } from '../../shared/screening/classify';
import { call } from '../api/call';
import { ErrorAlert } from '../common/ErrorAlert';
import { PageTitle } from '../common/PageTitle';
import { ContextStep } from './ContextStep';
import { DecisionForm, DecisionPanel, EMPTY_DECISION, type DecisionDraft, type DecisionInput } from './DecisionPanel';
import { emptyDraft, missingInStep, toRequest, type ScreeningDraft } from './draft';
import { IndicatorsStep } from './IndicatorsStep';
import { NextStepsPanel } from './NextStepsPanel';
import { OpenCasePanel } from './OpenCasePanel';
import { OutcomePanel } from './OutcomePanel';
import { PersonStep } from './PersonStep';
import { screeningKeys, useCurrentIndicatorSet } from './screeningApi';

const STEPS = ['context', 'person', 'indicators', 'result', 'case'] as const;

/**
 * The guided screening interview, one step per screen so it works on a phone:
 * context → person basics → indicators → suggested outcome with reasons and the
 * responder's decision → (for a presumed or possible victim) opening a case.
 *
 * Nothing is saved before the decision: the result step shows the suggestion
 * computed here by the same classifier the server runs, and Back returns to the
 * answers (all typed values, the decision's too, stay in this page's state), so
 * an answer can change until the responder confirms or overrides. That saves the
 * interview and its decision in one request; the server classifies again.
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
  const [decision, setDecision] = useState<DecisionDraft>(EMPTY_DECISION);
  // On a phone only the current step is named, so the stepper stays on one line.
  const narrow = useMediaQuery('(max-width: 36em)');

  const submit = useMutation({
    mutationFn: (decided: DecisionInput) => call(screeningsApi.create, { body: { ...toRequest(draft, set.data!.id), decision: decided } }),
    onSuccess: (detail) => {
      setScreening(detail);
      queryClient.setQueryData(screeningKeys.detail(detail.id), detail);
      void queryClient.invalidateQueries({ queryKey: screeningKeys.all });
    },
  });

  // The suggestion as the answers stand now: recomputed whenever the responder comes back and changes one.
  const preview = useMemo(
    () => (set.data ? classifyScreening({ indicators: set.data.indicators, thresholds: set.data.thresholds, answers: draft.answers, isChild: draft.isChild }) : null),
    [set.data, draft.answers, draft.isChild],
  );

  const next = () => {
    const missing = missingInStep(draft, step);
    setErrors(missing);
    if (missing.length > 0) return;
    setStep(step + 1);
    window.scrollTo({ top: 0 });
  };
  const back = () => {
    submit.reset();
    setStep(step - 1);
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
        {step === 3 && !screening && preview && (
          <>
            <Alert color="blue" data-testid="screening-unsaved">
              {t('screening.result.unsaved')}
            </Alert>
            <OutcomePanel suggestion={preview} indicators={indicators} />
            <DecisionForm
              suggestedOutcome={preview.outcome}
              decided={null}
              draft={decision}
              onDraftChange={setDecision}
              onSubmit={(decided) => submit.mutate(decided)}
              pending={submit.isPending}
              error={submit.error}
            />
          </>
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
            {screening.outcome === 'smuggled_migrant' && <NextStepsPanel screeningId={screening.id} />}
          </>
        )}
        {step === 4 && screening && <OpenCasePanel screening={screening} />}
        {!screening && (
          <Group justify="space-between">
            <Button variant="default" disabled={step === 0 || submit.isPending} onClick={back} data-testid="screening-back">
              {t(step === 3 ? 'screening.backToAnswers' : 'screening.back')}
            </Button>
            {step < 3 && (
              <Button onClick={next} data-testid="screening-next">
                {t(step === 2 ? 'screening.submit' : 'screening.next')}
              </Button>
            )}
          </Group>
        )}
      </Stack>
    </>
  );
}
