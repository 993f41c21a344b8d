import { Button, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { authApi, updateProfileBody } from '../../shared/api/auth';
import type { Locale } from '../../shared/locales';
import { call } from '../api/call';
import { ME_KEY, type Me } from '../api/session';
import { LOCALE_OPTIONS } from '../admin/roles';
import { ErrorAlert } from '../common/ErrorAlert';
import { reportFormError } from '../forms/serverErrors';
import { zodValidator } from '../forms/validation';
import { useLocale } from '../i18n/locale-context';

/** Display name and language; a new language applies to the whole UI as soon as it is saved. */
export function ProfileForm({ me }: { me: Me }) {
  const intl = useIntl();
  const queryClient = useQueryClient();
  const { setLocale } = useLocale();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { displayName: me.user.displayName, locale: me.user.locale as string },
    validate: zodValidator(updateProfileBody, intl),
  });

  const submit = form.onSubmit(async (values) => {
    setFormError(null);
    try {
      const locale = values.locale as Locale;
      await call(authApi.updateProfile, { body: { displayName: values.displayName.trim(), locale } });
      queryClient.setQueryData<Me>(ME_KEY, (current) =>
        current ? { ...current, user: { ...current.user, displayName: values.displayName.trim(), locale } } : current,
      );
      setLocale(locale, { saveToProfile: false });
      form.resetDirty();
      notifications.show({ color: 'teal', message: intl.formatMessage({ id: 'common.saved' }) });
    } catch (error) {
      setFormError(reportFormError(intl, error, form, ['displayName', 'locale']));
    }
  });

  return (
    <form onSubmit={submit} noValidate data-testid="profile-form">
      <Stack>
        <ErrorAlert message={formError} />
        <TextInput
          label={intl.formatMessage({ id: 'users.displayName' })}
          required
          data-testid="profile-display-name"
          {...form.getInputProps('displayName')}
        />
        <Select
          label={intl.formatMessage({ id: 'profile.language' })}
          data={LOCALE_OPTIONS}
          allowDeselect={false}
          data-testid="profile-locale"
          {...form.getInputProps('locale')}
        />
        <Button type="submit" w="fit-content" loading={form.submitting} data-testid="profile-save">
          {intl.formatMessage({ id: 'common.save' })}
        </Button>
      </Stack>
    </form>
  );
}
