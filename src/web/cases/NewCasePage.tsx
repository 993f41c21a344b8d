import { Alert, Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { Link, useNavigate } from 'react-router-dom';
import { casesApi, createCaseBody, type DuplicateCandidate } from '../../shared/api/cases';
import { call } from '../api/call';
import { ErrorAlert } from '../common/ErrorAlert';
import { PageTitle } from '../common/PageTitle';
import { reportFormError } from '../forms/serverErrors';
import { zodValidator } from '../forms/validation';
import { CaseDatesProvider } from './CaseDates';
import { caseKeys } from './caseApi';
import { CONTEXT_FIELDS, PERSON_FIELDS, contextFormValues, createBody, personFormValues, type CaseFormValues } from './caseForm';
import { ContextFields } from './ContextFields';
import { DuplicateCandidates, DuplicatesNotice } from './DuplicateCandidates';
import { PersonFields } from './PersonFields';

interface Created {
  id: string;
  caseNumber: string;
  duplicates: DuplicateCandidate[];
  canRequestMerge: boolean;
}

/** Open a case: identity and victim context; then the duplicates other agencies may hold. */
export function NewCasePage() {
  const intl = useIntl();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const t = (id: string) => intl.formatMessage({ id });
  const [formError, setFormError] = useState<string | null>(null);
  const [created, setCreated] = useState<Created | null>(null);
  const form = useForm<CaseFormValues>({
    initialValues: { ...contextFormValues(), person: personFormValues() },
    validate: (values) => zodValidator<ReturnType<typeof createBody>>(createCaseBody, intl)(createBody(values)),
    onValuesChange: () => setFormError(null),
  });

  const submit = form.onSubmit(
    async (values) => {
      setFormError(null);
      try {
        const result = await call(casesApi.create, { body: createBody(values) });
        void queryClient.invalidateQueries({ queryKey: caseKeys.all });
        if (result.duplicates.length === 0) {
          navigate(`/cases/${result.case.id}`);
          return;
        }
        setCreated({ ...result.case, duplicates: result.duplicates, canRequestMerge: result.case.allowedActions.includes('case.requestMerge') });
      } catch (error) {
        setFormError(reportFormError(intl, error, form, [...PERSON_FIELDS, ...CONTEXT_FIELDS]));
      }
    },
    // A long form: say at the top that something below needs fixing.
    () => setFormError(t('error.VALIDATION_FAILED')),
  );

  if (created) {
    return (
      <>
        <PageTitle id="cases.new.duplicatesTitle" />
        <Stack>
          <Alert color="orange" data-testid="case-created-duplicates">
            {intl.formatMessage({ id: 'caseOverview.duplicates.opened' }, { number: created.caseNumber })}
            <DuplicatesNotice candidates={created.duplicates} />
          </Alert>
          <Paper withBorder p="md">
            <DuplicateCandidates caseId={created.id} candidates={created.duplicates} canRequestMerge={created.canRequestMerge} />
          </Paper>
          <Group>
            <Button component={Link} to={`/cases/${created.id}`} data-testid="case-created-open">
              {intl.formatMessage({ id: 'cases.new.openCase' }, { number: created.caseNumber })}
            </Button>
          </Group>
        </Stack>
      </>
    );
  }

  return (
    <CaseDatesProvider>
      <PageTitle id="cases.new.title" />
      <Anchor component={Link} to="/cases" size="sm">
        {t('cases.backToList')}
      </Anchor>
      <Text c="dimmed" size="sm" my="sm">
        {t('cases.new.intro')}
      </Text>
      <form onSubmit={submit} noValidate data-testid="case-form">
        <Stack>
          <ErrorAlert message={formError} />
          <Title order={2} size="h4">
            {t('cases.tab.person')}
          </Title>
          <PersonFields form={form} />
          <Title order={2} size="h4">
            {t('cases.tab.context')}
          </Title>
          <ContextFields form={form} />
          <Group justify="flex-end">
            <Button variant="default" component={Link} to="/cases">
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={form.submitting} data-testid="case-form-submit">
              {t('cases.new.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </CaseDatesProvider>
  );
}
