import { Anchor, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { Link, Navigate, useNavigate } from 'react-router-dom';
import { authApi, loginBody } from '../../shared/api/auth';
import { call } from '../api/call';
import { ME_KEY, useMe } from '../api/session';
import { ErrorAlert } from '../common/ErrorAlert';
import { zodValidator } from '../forms/validation';
import { AuthLayout } from './AuthLayout';

/** Step one of sign-in: username and password, then on to 2FA if the account needs it. */
export function LoginPage() {
  const intl = useIntl();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const me = useMe();
  const [error, setError] = useState<unknown>(null);
  const form = useForm({
    initialValues: { username: '', password: '' },
    validate: zodValidator(loginBody, intl),
  });

  if (me.data) return <Navigate to="/" replace />;

  const submit = form.onSubmit(async (values) => {
    setError(null);
    try {
      const result = await call(authApi.login, { body: values });
      if (result.twoFactor === 'required') navigate('/login/2fa');
      else if (result.twoFactor === 'enrol') navigate('/login/enrol');
      else {
        await queryClient.invalidateQueries({ queryKey: ME_KEY });
        navigate('/', { replace: true });
      }
    } catch (caught) {
      form.setFieldValue('password', '');
      setError(caught);
    }
  });

  return (
    <AuthLayout titleId="login.title">
      <form onSubmit={submit} noValidate data-testid="login-form">
        <Stack>
          <ErrorAlert error={error} testId="login-error" />
          <TextInput
            label={intl.formatMessage({ id: 'login.username' })}
            autoComplete="username"
            required
            data-testid="login-username"
            {...form.getInputProps('username')}
          />
          <PasswordInput
            label={intl.formatMessage({ id: 'login.password' })}
            autoComplete="current-password"
            required
            data-testid="login-password"
            {...form.getInputProps('password')}
          />
          <Button type="submit" loading={form.submitting} data-testid="login-submit">
            {intl.formatMessage({ id: 'login.submit' })}
          </Button>
          <Anchor component={Link} to="/activate" size="sm" ta="center" data-testid="login-activate-link">
            {intl.formatMessage({ id: 'activate.loginLink' })}
          </Anchor>
          {/* The public can report without an account; the login page is where many arrive first. */}
          <Anchor component={Link} to="/report" size="sm" ta="center" data-testid="login-public-report-link">
            {intl.formatMessage({ id: 'publicReport.loginLink' })}
          </Anchor>
        </Stack>
      </form>
    </AuthLayout>
  );
}
