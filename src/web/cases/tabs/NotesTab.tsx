import { Button, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { casesApi, noteBody, type CaseDetail } from '../../../shared/api/cases';
import { call } from '../../api/call';
import { ErrorAlert } from '../../common/ErrorAlert';
import { reportFormError } from '../../forms/serverErrors';
import { zodValidator } from '../../forms/validation';
import { caseKeys, useCaseNotes } from '../caseApi';
import { formatMoment } from '../labels';
import { TabLoading } from './TabLoading';
import { TabEmpty } from './TabEmpty';
import { isolate } from '../../i18n/bidi';

/** Case notes, newest first as the server gives them; anyone who may update the case may add one. */
export function NotesTab({ caseData }: { caseData: CaseDetail }) {
  const intl = useIntl();
  const queryClient = useQueryClient();
  const t = (id: string) => intl.formatMessage({ id });
  const notes = useCaseNotes(caseData.id);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({ initialValues: { body: '' }, validate: zodValidator(noteBody, intl) });
  const canWrite = caseData.allowedActions.includes('case.update');

  const submit = form.onSubmit(async (values) => {
    setFormError(null);
    try {
      await call(casesApi.addNote, { params: { id: caseData.id }, body: values });
      form.reset();
      await queryClient.invalidateQueries({ queryKey: caseKeys.sub(caseData.id, 'notes') });
    } catch (error) {
      setFormError(reportFormError(intl, error, form, ['body']));
    }
  });

  return (
    <Stack>
      {canWrite && (
        <form onSubmit={submit} noValidate data-testid="note-form">
          <Stack gap="xs">
            <ErrorAlert message={formError} />
            <Textarea label={t('cases.notes.new')} description={t('cases.notes.hint')} autosize minRows={3} data-testid="note-form-body" {...form.getInputProps('body')} />
            <Group justify="flex-end">
              <Button type="submit" loading={form.submitting} data-testid="note-form-submit">
                {t('cases.notes.add')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
      <ErrorAlert error={notes.error} />
      {notes.isPending ? (
        <TabLoading />
      ) : notes.data?.items.length === 0 ? (
        <TabEmpty titleId="cases.notes.empty" testId="notes-empty" />
      ) : (
        notes.data?.items.map((note) => (
          <Paper key={note.id} withBorder p="sm" data-testid="note-row">
            <Text size="xs" c="dimmed" mb={4}>
              {intl.formatMessage({ id: 'cases.notes.byline' }, { author: isolate(note.authorName), date: isolate(formatMoment(intl, note.createdAt)) })}
            </Text>
            <Text dir="auto" size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {note.body}
            </Text>
          </Paper>
        ))
      )}
    </Stack>
  );
}
