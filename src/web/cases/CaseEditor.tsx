import { Alert, Button, Group, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { casesApi, updateCaseBody, type CaseDetail } from '../../shared/api/cases';
import { call } from '../api/call';
import { ApiError } from '../api/client';
import { ErrorAlert } from '../common/ErrorAlert';
import { reportFormError } from '../forms/serverErrors';
import { zodValidator } from '../forms/validation';
import { CaseDatesProvider } from './CaseDates';
import { caseKeys } from './caseApi';
import { CONTEXT_FIELDS, PERSON_FIELDS, contextBody, contextFormValues, personBody, personFormValues, type CaseFormValues } from './caseForm';
import { ConflictAlert } from './ConflictAlert';
import { ContextFields } from './ContextFields';
import { PersonFields } from './PersonFields';

type Part = 'person' | 'context';

/** The PATCH body for one part of the form (without the version). */
function partBody(part: Part, values: CaseFormValues) {
  return part === 'person' ? { person: personBody(values.person) } : contextBody(values);
}

/**
 * Edits the identity or the victim context against the version it was opened
 * on. A 409 keeps every typed value on screen and offers to reload the latest
 * version; the next save then applies the user's input on top of it.
 */
export function CaseEditor({ caseData, part, onDone }: { caseData: CaseDetail; part: Part; onDone: () => void }) {
  const intl = useIntl();
  const queryClient = useQueryClient();
  const t = (id: string) => intl.formatMessage({ id });
  const [baseVersion, setBaseVersion] = useState(caseData.version);
  const [conflict, setConflict] = useState(false);
  const [reloaded, setReloaded] = useState(false);
  const [reloading, setReloading] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<CaseFormValues>({
    initialValues: { ...contextFormValues(caseData), person: personFormValues(caseData.person) },
    validate: (values) => zodValidator(updateCaseBody, intl)({ version: baseVersion, ...partBody(part, values) }),
  });

  const submit = form.onSubmit(async (values) => {
    setFormError(null);
    try {
      const updated = await call(casesApi.update, { params: { id: caseData.id }, body: { version: baseVersion, ...partBody(part, values) } });
      queryClient.setQueryData(caseKeys.detail(caseData.id), updated);
      notifications.show({ color: 'teal', message: t('common.saved') });
      onDone();
    } catch (error) {
      // Only a stale version is cured by reloading; any other conflict (a merged case, open referrals) is a plain error.
      if (error instanceof ApiError && error.reason === 'stale_version') {
        setConflict(true);
        setReloaded(false);
        return;
      }
      setFormError(reportFormError(intl, error, form, part === 'person' ? PERSON_FIELDS : CONTEXT_FIELDS));
    }
  });

  const reload = async () => {
    setReloading(true);
    try {
      const latest = await queryClient.fetchQuery({ queryKey: caseKeys.detail(caseData.id), queryFn: () => call(casesApi.detail, { params: { id: caseData.id } }), staleTime: 0 });
      setBaseVersion(latest.version);
      setConflict(false);
      setReloaded(true);
    } catch (error) {
      setFormError(reportFormError(intl, error, form, []));
    } finally {
      setReloading(false);
    }
  };

  return (
    <CaseDatesProvider>
      <form onSubmit={submit} noValidate data-testid={`case-edit-${part}`}>
        <Stack>
          {conflict && <ConflictAlert onReload={reload} reloading={reloading} />}
          {reloaded && (
            <Alert color="blue" data-testid="conflict-reloaded">
              {t('cases.conflict.reloaded')}
            </Alert>
          )}
          <ErrorAlert message={formError} />
          {part === 'person' ? <PersonFields form={form} /> : <ContextFields form={form} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onDone} data-testid="case-edit-cancel">
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={form.submitting} data-testid="case-edit-submit">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </CaseDatesProvider>
  );
}
