import { Alert, Button, Group, Modal, MultiSelect, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconKey } from '@tabler/icons-react';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { adminApi, createUserBody, updateUserBody, type UserSummary, type UserWithActivationCode } from '../../../shared/api/admin';
import { call } from '../../api/call';
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
}

const FIELDS = ['username', 'displayName', 'agencyId', 'roles', 'locale'] as const;

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item) => b.includes(item));
}

interface UserFormModalProps {
  user: UserSummary | null;
  /** True when the administrator edits their own account: roles and agency are not theirs to change. */
  isSelf: boolean;
  onClose: () => void;
  /** Called after saving; a creation passes the new user with their one-time activation code. */
  onSaved: (created: UserWithActivationCode | null) => void;
}

/**
 * Create a user (no `user` given) or edit one's name, agency and roles. No
 * password is ever typed here: a new user receives a one-time activation code.
 */
export function UserFormModal({ user, isSelf, onClose, onSaved }: UserFormModalProps) {
  const intl = useIntl();
  const creating = user === null;
  const { options: agencyOptions, error: agencyError } = useAgencyOptions(user?.agencyId);
  const [formError, setFormError] = useState<string | null>(null);
  // Roles waiting for approval show as asked for: saving without touching them keeps the request.
  const initialRoles = [...(user?.roles ?? []), ...(user?.pendingGrant?.roles ?? [])];
  const form = useForm<UserFormValues>({
    initialValues: {
      username: user?.username ?? '',
      displayName: user?.displayName ?? '',
      agencyId: user?.agencyId ?? null,
      roles: initialRoles,
      locale: user?.locale ?? 'ar',
    },
    validate: (values) =>
      creating
        ? zodValidator(createUserBody, intl)(values)
        : zodValidator(updateUserBody, intl)({ displayName: values.displayName, agencyId: values.agencyId, roles: values.roles }),
  });

  const submit = form.onSubmit(async (values) => {
    setFormError(null);
    try {
      if (creating) {
        onSaved(await call(adminApi.createUser, { body: createUserBody.parse({ ...values, username: values.username.trim().toLowerCase() }) }));
        return;
      }
      // Only what changed: an unchanged role list must not replace a pending request.
      const changes: Record<string, unknown> = {};
      if (values.displayName !== user.displayName) changes['displayName'] = values.displayName;
      if (!isSelf && values.agencyId !== user.agencyId) changes['agencyId'] = values.agencyId;
      if (!isSelf && !sameSet(values.roles, initialRoles)) changes['roles'] = values.roles;
      if (Object.keys(changes).length > 0) await call(adminApi.updateUser, { params: { id: user.id }, body: updateUserBody.parse(changes) });
      onSaved(null);
    } catch (error) {
      setFormError(reportFormError(intl, error, form, FIELDS));
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
          {isSelf && (
            <Alert color="gray" data-testid="user-form-self-locked">
              {intl.formatMessage({ id: 'users.selfRolesLocked' })}
            </Alert>
          )}
          <Select
            label={intl.formatMessage({ id: 'users.agency' })}
            data={agencyOptions}
            searchable
            required
            disabled={isSelf}
            data-testid="user-form-agency"
            {...form.getInputProps('agencyId')}
          />
          <MultiSelect
            label={intl.formatMessage({ id: 'users.roles' })}
            description={intl.formatMessage({ id: 'users.rolesApprovalHint' })}
            data={roleOptions(intl)}
            required
            disabled={isSelf}
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
              <Alert color="blue" icon={<IconKey aria-hidden />} data-testid="user-form-no-password">
                {intl.formatMessage({ id: 'users.noPasswordHint' })}
              </Alert>
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
