import { Button, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { useNavigate } from 'react-router-dom';
import { authApi, twoFactorBody } from '../../shared/api/auth';
import { call } from '../api/call';
import { ME_KEY } from '../api/session';
import { ErrorAlert } from '../common/ErrorAlert';
import { zodValidator } from '../forms/validation';

/** The six-digit code field shared by the 2FA challenge and enrolment; signs in on success. */
export function TwoFactorCodeForm() {
  const intl = useIntl();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const form = useForm({ initialValues: { code: '' }, validate: zodValidator(twoFactorBody, intl) });

  const submit = form.onSubmit(async (values) => {
    setError(null);
    try {
      await call(authApi.verifyCode, { body: { code: values.code.trim() } });
      await queryClient.invalidateQueries({ queryKey: ME_KEY });
      navigate('/', { replace: true });
    } catch (caught) {
      form.setFieldValue('code', '');
      setError(caught);
    }
  });

  return (
    <form onSubmit={submit} noValidate data-testid="twofactor-form">
      <Stack>
        <ErrorAlert error={error} testId="twofactor-error" />
        <TextInput
          label={intl.formatMessage({ id: 'twoFactor.code' })}
          description={intl.formatMessage({ id: 'twoFactor.codeHint' })}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          required
          autoFocus
          data-testid="twofactor-code"
          styles={{ input: { letterSpacing: '0.3em', fontFamily: 'var(--mantine-font-family-monospace)', direction: 'ltr' } }}
          {...form.getInputProps('code')}
        />
        <Button type="submit" loading={form.submitting} data-testid="twofactor-submit">
          {intl.formatMessage({ id: 'twoFactor.submit' })}
        </Button>
      </Stack>
    </form>
  );
}
