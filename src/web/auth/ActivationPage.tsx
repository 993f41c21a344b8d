import { Anchor, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link, Navigate, useNavigate } from 'react-router-dom';
import { ACTIVATION_FAILURES, activateBody } from '../../shared/api/activation';
import { ApiError } from '../api/client';
import { call } from '../api/call';
import { authApi } from '../../shared/api/auth';
import { ME_KEY, useMe } from '../api/session';
import { ErrorAlert } from '../common/ErrorAlert';
import { reportFormError } from '../forms/serverErrors';
import { zodValidator } from '../forms/validation';
import { AuthLayout } from './AuthLayout';

const FIELDS = ['username', 'code', 'password'] as const;

/**
 * First sign-in: the username and the one-time code an administrator handed
 * over, and a password the person chooses. Then on to 2FA, as after a sign-in.
 */
export function ActivationPage() {
  const intl = useIntl();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const me = useMe();
  const [error, setError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { username: '', code: '', password: '', confirm: '' },
    validate: (values) => {
      const errors = zodValidator(activateBody, intl)(values);
      if (!errors['password'] && values.confirm !== values.password) errors['confirm'] = intl.formatMessage({ id: 'activate.mismatch' });
      return errors;
    },
  });

  if (me.data) return <Navigate to="/" replace />;

  const submit = form.onSubmit(async ({ username, code, password }) => {
    setError(null);
    try {
      const result = await call(authApi.activate, { body: { username, code, password } });
      if (result.twoFactor === 'required') navigate('/login/2fa');
      else if (result.twoFactor === 'enrol') navigate('/login/enrol');
      else {
        await queryClient.invalidateQueries({ queryKey: ME_KEY });
        navigate('/', { replace: true });
      }
    } catch (caught) {
      const reason = caught instanceof ApiError ? String(caught.details.reason ?? '') : '';
      if (caught instanceof ApiError && caught.code === 'ACTIVATION_INVALID' && (ACTIVATION_FAILURES as readonly string[]).includes(reason)) {
        setError(intl.formatMessage({ id: `activate.error.${reason}` }));
      } else {
        setError(reportFormError(intl, caught, form, FIELDS, 'password'));
      }
    }
  });

  return (
    <AuthLayout titleId="activate.title">
      <Text size="sm">
        <FormattedMessage id="activate.intro" />
      </Text>
      <form onSubmit={submit} noValidate data-testid="activation-form">
        <Stack>
          <ErrorAlert message={error} testId="activation-error" />
          <TextInput
            label={intl.formatMessage({ id: 'login.username' })}
            autoComplete="username"
            dir="ltr"
            required
            data-testid="activation-username"
            {...form.getInputProps('username')}
          />
          <TextInput
            label={intl.formatMessage({ id: 'activate.code' })}
            description={intl.formatMessage({ id: 'activate.codeHint' })}
            autoComplete="one-time-code"
            dir="ltr"
            required
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', letterSpacing: '0.08em', textTransform: 'uppercase' } }}
            data-testid="activation-code"
            {...form.getInputProps('code')}
          />
          <PasswordInput
            label={intl.formatMessage({ id: 'activate.password' })}
            description={intl.formatMessage({ id: 'activate.passwordHint' })}
            autoComplete="new-password"
            required
            data-testid="activation-password"
            {...form.getInputProps('password')}
          />
          <PasswordInput
            label={intl.formatMessage({ id: 'activate.confirm' })}
            autoComplete="new-password"
            required
            data-testid="activation-confirm"
            {...form.getInputProps('confirm')}
          />
          <Button type="submit" loading={form.submitting} data-testid="activation-submit">
            {intl.formatMessage({ id: 'activate.submit' })}
          </Button>
          <Anchor component={Link} to="/login" size="sm" ta="center" data-testid="back-to-login">
            <FormattedMessage id="twoFactor.backToLogin" />
          </Anchor>
        </Stack>
      </form>
    </AuthLayout>
  );
}
