import { Button, Group } from '@mantine/core';
import { FormattedMessage } from 'react-intl';
import type { UserSummary } from '../../../shared/api/admin';

export type UserAction = 'disable' | 'enable' | 'reset2fa' | 'activation';

interface UserActionsProps {
  user: UserSummary;
  permissions: readonly string[];
  isSelf: boolean;
  onEdit: () => void;
  onAction: (action: UserAction) => void;
}

/** The row buttons a user may use; an administrator cannot disable their own account or issue themselves an activation code. */
export function UserActions({ user, permissions, isSelf, onEdit, onAction }: UserActionsProps) {
  const canUpdate = permissions.includes('user.update');
  const canReset = permissions.includes('user.reset2fa');
  return (
    <Group gap="xs">
      {canUpdate && (
        <Button size="xs" variant="light" onClick={onEdit} data-testid="user-edit">
          <FormattedMessage id="common.edit" />
        </Button>
      )}
      {canUpdate && !isSelf && user.disabled && (
        <Button size="xs" variant="light" color="teal" onClick={() => onAction('enable')} data-testid="user-enable">
          <FormattedMessage id="common.enable" />
        </Button>
      )}
      {canUpdate && !isSelf && !user.disabled && (
        <Button size="xs" variant="light" color="red" onClick={() => onAction('disable')} data-testid="user-disable">
          <FormattedMessage id="common.disable" />
        </Button>
      )}
      {canUpdate && !isSelf && (
        <Button size="xs" variant="light" color="grape" onClick={() => onAction('activation')} data-testid="user-new-activation">
          <FormattedMessage id="users.newActivation" />
        </Button>
      )}
      {canReset && user.twoFactorEnabled && (
        <Button size="xs" variant="light" color="orange" onClick={() => onAction('reset2fa')} data-testid="user-reset-2fa">
          <FormattedMessage id="users.reset2fa" />
        </Button>
      )}
    </Group>
  );
}
