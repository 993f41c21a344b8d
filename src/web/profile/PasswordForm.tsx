import { Button, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { authApi, changePasswordBody } from '../../shared/api/auth';
import { call } from '../api/call';
import { ErrorAlert } from '../common/ErrorAlert';
import { reportFormError } from '../forms/serverErrors';
import { zodValidator } from '../forms/validation';

/** Change one's own password; the server judges its strength. */
export function PasswordForm() {
  const intl = useIntl();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { currentPassword: '', newPassword: '', confirmPassword: '' },
    validate: (values) => {
      const errors: Record<string, string> = zodValidator(changePasswordBody, intl)(values);
      if (!errors.confirmPassword && values.confirmPassword !== values.newPassword) {
        errors.confirmPassword = intl.formatMessage({ id: 'profile.passwordMismatch' });
      }
      return errors;
    },
  });

  const submit = form.onSubmit(async ({ currentPassword, newPassword }) => {
    setFormError(null);
    try {
      await call(authApi.changePassword, { body: { currentPassword, newPassword } });
      form.reset();
      notifications.show({ color: 'teal', message: intl.formatMessage({ id: 'profile.passwordChanged' }) });
    } catch (error) {
      if (error instanceof Error && 'code' in error && error.code === 'INVALID_CREDENTIALS') {
        form.setFieldError('currentPassword', intl.formatMessage({ id: 'profile.currentPasswordWrong' }));
        return;
      }
      setFormError(reportFormError(intl, error, form, ['currentPassword', 'newPassword'], 'newPassword'));
    }
  });

  return (
    <form onSubmit={submit} noValidate data-testid="password-form">
      <Stack>
        <ErrorAlert message={formError} />
        <PasswordInput
          label={intl.formatMessage({ id: 'profile.currentPassword' })}
          autoComplete="current-password"
          required
          data-testid="password-current"
          {...form.getInputProps('currentPassword')}
        />
        <PasswordInput
          label={intl.formatMessage({ id: 'profile.newPassword' })}
          autoComplete="new-password"
          required
          data-testid="password-new"
          {...form.getInputProps('newPassword')}
        />
        <PasswordInput
          label={intl.formatMessage({ id: 'profile.confirmPassword' })}
          autoComplete="new-password"
          required
          data-testid="password-confirm"
          {...form.getInputProps('confirmPassword')}
        />
        <Button type="submit" w="fit-content" loading={form.submitting} data-testid="password-submit">
          {intl.formatMessage({ id: 'profile.changePassword' })}
        </Button>
      </Stack>
    </form>
  );
}
