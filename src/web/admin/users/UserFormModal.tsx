import { Button, Group, Modal, MultiSelect, PasswordInput, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { createUserBody, updateUserBody, type UserSummary } from '../../../shared/api/admin';
import { api } from '../../api/client';
import { ErrorAlert } from '../../common/ErrorAlert';
import { reportFormError } from '../../forms/serverErrors';
import { zodValidator } from '../../forms/validation';
import { LOCALE_OPTIONS, roleOptions } from '../roles';
import { useAgencyOptions } from './useAgencyOptions';

interface UserFormValues {
  username: string;
  displayName: string;
  agencyId: string | null;
  roles: string[];
  locale: string;
  password: string;
}

const FIELDS = ['username', 'displayName', 'agencyId', 'roles', 'locale', 'password'] as const;

/** Create a user (no `user` given) or edit one's name, agency and roles. */
export function UserFormModal({ user, onClose, onSaved }: { user: UserSummary | null; onClose: () => void; onSaved: () => void }) {
  const intl = useIntl();
  const creating = user === null;
  const { options: agencyOptions, error: agencyError } = useAgencyOptions(user?.agencyId);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<UserFormValues>({
    initialValues: {
      username: user?.username ?? '',
      displayName: user?.displayName ?? '',
      agencyId: user?.agencyId ?? null,
      roles: user?.roles ?? [],
      locale: user?.locale ?? 'ar',
      password: '',
    },
    validate: (values) =>
      creating
        ? zodValidator(createUserBody, intl)(values)
        : zodValidator(updateUserBody, intl)({ displayName: values.displayName, agencyId: values.agencyId, roles: values.roles }),
  });

  const submit = form.onSubmit(async (values) => {
    setFormError(null);
    try {
      if (creating) await api.post('/api/users', { ...values, username: values.username.trim().toLowerCase() });
      else {
        await api.patch(`/api/users/${user.id}`, {
          displayName: values.displayName,
          agencyId: values.agencyId,
          roles: values.roles,
        });
      }
      onSaved();
    } catch (error) {
      setFormError(reportFormError(intl, error, form, FIELDS, 'password'));
    }
  });

  return (
    <Modal opened onClose={onClose} title={intl.formatMessage({ id: creating ? 'users.create' : 'users.edit' })} size="lg">
      <form onSubmit={submit} noValidate data-testid="user-form">
        <Stack>
          <ErrorAlert message={formError} />
          <ErrorAlert error={agencyError} />
          <TextInput
            label={intl.formatMessage({ id: 'users.username' })}
            description={creating ? intl.formatMessage({ id: 'users.usernameHint' }) : undefined}
            required
            disabled={!creating}
            autoComplete="off"
            dir="ltr"
            data-testid="user-form-username"
            {...form.getInputProps('username')}
          />
          <TextInput
            label={intl.formatMessage({ id: 'users.displayName' })}
            required
            data-testid="user-form-display-name"
            {...form.getInputProps('displayName')}
          />
          <Select
            label={intl.formatMessage({ id: 'users.agency' })}
            data={agencyOptions}
            searchable
            required
            data-testid="user-form-agency"
            {...form.getInputProps('agencyId')}
          />
          <MultiSelect
            label={intl.formatMessage({ id: 'users.roles' })}
            data={roleOptions(intl)}
            required
            data-testid="user-form-roles"
            {...form.getInputProps('roles')}
          />
          {creating && (
            <>
              <Select
                label={intl.formatMessage({ id: 'users.locale' })}
                data={LOCALE_OPTIONS}
                allowDeselect={false}
                data-testid="user-form-locale"
                {...form.getInputProps('locale')}
              />
              <PasswordInput
                label={intl.formatMessage({ id: 'users.initialPassword' })}
                description={intl.formatMessage({ id: 'users.initialPasswordHint' })}
                required
                autoComplete="new-password"
                data-testid="user-form-password"
                {...form.getInputProps('password')}
              />
            </>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {intl.formatMessage({ id: 'common.cancel' })}
            </Button>
            <Button type="submit" loading={form.submitting} data-testid="user-form-submit">
              {intl.formatMessage({ id: 'common.save' })}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
