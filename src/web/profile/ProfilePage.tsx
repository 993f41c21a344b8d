import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useNavigate } from 'react-router-dom';
import { useLogout, useMe } from '../api/session';
import { ConfirmModal } from '../common/ConfirmModal';
import { PageTitle } from '../common/PageTitle';
import { PasswordForm } from './PasswordForm';
import { ProfileForm } from './ProfileForm';

/** The user's own account: name, language, password, 2FA status, sessions. */
export function ProfilePage() {
  const intl = useIntl();
  const me = useMe().data;
  const logout = useLogout();
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState(false);
  if (!me) return null;

  return (
    <Stack maw={640}>
      <PageTitle id="profile.title" />
      <Paper withBorder p="md" component="section" aria-labelledby="profile-details">
        <Title order={2} size="h4" id="profile-details" mb="sm">
          <FormattedMessage id="profile.details" />
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          <FormattedMessage id="profile.account" values={{ username: <bdi>{me.user.username}</bdi>, agency: <bdi>{me.user.agency.name}</bdi> }} />
        </Text>
        <ProfileForm me={me} />
      </Paper>
      <Paper withBorder p="md" component="section" aria-labelledby="profile-security">
        <Title order={2} size="h4" id="profile-security" mb="sm">
          <FormattedMessage id="profile.security" />
        </Title>
        <Group mb="md" gap="xs">
          <Text size="sm">
            <FormattedMessage id="profile.twoFactor" />
          </Text>
          <Badge color={me.user.twoFactorEnabled ? 'teal' : 'gray'} data-testid="profile-2fa-status">
            <FormattedMessage id={me.user.twoFactorEnabled ? 'profile.twoFactorOn' : 'profile.twoFactorOff'} />
          </Badge>
        </Group>
        <PasswordForm />
      </Paper>
      <Paper withBorder p="md" component="section" aria-labelledby="profile-sessions">
        <Title order={2} size="h4" id="profile-sessions" mb="sm">
          <FormattedMessage id="profile.sessions" />
        </Title>
        <Text size="sm" mb="sm">
          <FormattedMessage id="profile.logoutAllHint" />
        </Text>
        <Button color="red" variant="light" onClick={() => setConfirming(true)} data-testid="logout-all">
          <FormattedMessage id="profile.logoutAll" />
        </Button>
      </Paper>
      <ConfirmModal
        opened={confirming}
        title={intl.formatMessage({ id: 'profile.logoutAll' })}
        message={intl.formatMessage({ id: 'profile.logoutAllConfirm' })}
        confirmLabel={intl.formatMessage({ id: 'profile.logoutAll' })}
        danger
        onConfirm={async () => {
          await logout(true);
          navigate('/login', { replace: true });
        }}
        onClose={() => setConfirming(false)}
      />
    </Stack>
  );
}
