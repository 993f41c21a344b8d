import { Alert, Button, Group, Text } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { useIntl } from 'react-intl';

/**
 * Someone saved this case since it was opened. Nothing typed is lost: the form
 * stays as it is, and "reload" fetches the latest version to save on top of.
 */
export function ConflictAlert({ onReload, reloading }: { onReload: () => void; reloading: boolean }) {
  const intl = useIntl();
  return (
    <Alert color="orange" role="alert" title={intl.formatMessage({ id: 'cases.conflict.title' })} data-testid="conflict-alert">
      <Group justify="space-between" wrap="wrap">
        <Text size="sm">{intl.formatMessage({ id: 'cases.conflict.body' })}</Text>
        <Button size="xs" variant="white" color="orange" leftSection={<IconRefresh size={14} aria-hidden />} loading={reloading} onClick={onReload} data-testid="conflict-reload">
          {intl.formatMessage({ id: 'cases.conflict.reload' })}
        </Button>
      </Group>
    </Alert>
  );
}
