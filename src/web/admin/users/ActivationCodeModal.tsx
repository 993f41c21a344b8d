import { Alert, Button, Code, CopyButton, Group, Modal, Stack, Text } from '@mantine/core';
import { IconCheck, IconCopy, IconShieldLock } from '@tabler/icons-react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { UserWithActivationCode } from '../../../shared/api/admin';
import { isolate } from './isolate';

/**
 * Shows a new user's one-time activation code, the only time it exists in
 * clear. The administrator hands it over; it never becomes a password they know.
 */
export function ActivationCodeModal({ user, onClose }: { user: UserWithActivationCode; onClose: () => void }) {
  const intl = useIntl();
  const expires = intl.formatDate(user.activationExpiresAt, { dateStyle: 'full', timeStyle: 'short' });
  const awaiting = user.pendingGrant?.roles.map((role) => intl.formatMessage({ id: `role.${role}` })) ?? [];
  return (
    <Modal opened onClose={onClose} title={intl.formatMessage({ id: 'users.activationTitle' })} closeOnClickOutside={false} size="lg" centered>
      <Stack data-testid="activation-code-modal">
        <Text size="sm">
          <FormattedMessage id="users.activationIntro" values={{ name: isolate(user.displayName) }} />
        </Text>
        <Stack gap={4} align="center" py="xs">
          <Text size="sm" c="dimmed">
            <FormattedMessage id="users.username" />
          </Text>
          <Code dir="ltr" fz="md" data-testid="activation-username">
            {user.username}
          </Code>
          <Text size="sm" c="dimmed" mt="xs">
            <FormattedMessage id="users.activationCode" />
          </Text>
          <Code dir="ltr" fz="xl" fw={700} px="md" py={6} style={{ letterSpacing: '0.12em' }} data-testid="activation-code">
            {user.activationCode}
          </Code>
          <CopyButton value={user.activationCode}>
            {({ copied, copy }) => (
              <Button size="xs" variant="subtle" color={copied ? 'teal' : undefined} leftSection={copied ? <IconCheck size={14} aria-hidden /> : <IconCopy size={14} aria-hidden />} onClick={copy}>
                <FormattedMessage id={copied ? 'users.activationCopied' : 'users.activationCopy'} />
              </Button>
            )}
          </CopyButton>
        </Stack>
        <Text size="sm" fw={500}>
          <FormattedMessage id="users.activationOnce" values={{ expires }} />
        </Text>
        {awaiting.length > 0 && (
          <Alert color="orange" icon={<IconShieldLock aria-hidden />} data-testid="activation-awaiting-approval">
            <FormattedMessage id="users.activationAwaiting" values={{ roles: intl.formatList(awaiting, { type: 'conjunction' }) }} />
          </Alert>
        )}
        <Group justify="flex-end">
          <Button onClick={onClose} data-testid="activation-code-done">
            <FormattedMessage id="users.activationDone" />
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
