import { Alert, Button, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { ADDITION_MAX, publicAdditionBody, publicReportsApi } from '../../../shared/api/reports';
import { call } from '../../api/call';
import { ErrorAlert } from '../../common/ErrorAlert';
import { focusFirstError } from '../../forms/focusFirstError';
import { reportFormError } from '../../forms/serverErrors';
import { zodValidator } from '../../forms/validation';

const FIELDS = ['receiptCode', 'text'] as const;

/** Adds information to a report with its receipt code; the answer is the same whether or not the code exists. */
export function AdditionForm({ initialCode = '' }: { initialCode?: string }) {
  const intl = useIntl();
  const [done, setDone] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { receiptCode: initialCode, text: '' },
    validate: zodValidator(publicAdditionBody, intl),
  });

  const submit = form.onSubmit(async (values) => {
    setError(null);
    try {
      await call(publicReportsApi.addTo, { body: { receiptCode: values.receiptCode.trim().toUpperCase(), text: values.text } });
      setDone(true);
      form.setFieldValue('text', '');
    } catch (caught) {
      setError(reportFormError(intl, caught, form, FIELDS));
    }
  }, focusFirstError);

  if (done) {
    return (
      <Stack>
        <Alert color="teal" role="status" data-testid="public-addition-done">
          {intl.formatMessage({ id: 'publicReport.addition.done' })}
        </Alert>
        <Button variant="light" onClick={() => setDone(false)} data-testid="public-addition-again">
          {intl.formatMessage({ id: 'publicReport.addition.another' })}
        </Button>
      </Stack>
    );
  }

  return (
    <form onSubmit={submit} noValidate data-testid="public-addition-form">
      <Stack>
        <Text size="sm">{intl.formatMessage({ id: 'publicReport.addition.intro' })}</Text>
        <ErrorAlert message={error} testId="public-addition-error" />
        <TextInput
          label={intl.formatMessage({ id: 'publicReport.addition.code' })}
          placeholder={intl.formatMessage({ id: 'publicReport.addition.code.placeholder' })}
          required
          autoComplete="off"
          dir="ltr"
          styles={{ input: { fontFamily: 'monospace', letterSpacing: '0.1em', textTransform: 'uppercase' } }}
          data-testid="public-addition-code"
          {...form.getInputProps('receiptCode')}
        />
        <Textarea
          label={intl.formatMessage({ id: 'publicReport.addition.text' })}
          required
          autosize
          minRows={3}
          maxLength={ADDITION_MAX}
          dir="auto"
          data-testid="public-addition-text"
          {...form.getInputProps('text')}
        />
        <Button type="submit" loading={form.submitting} data-testid="public-addition-submit">
          {intl.formatMessage({ id: 'publicReport.addition.submit' })}
        </Button>
      </Stack>
    </form>
  );
}
