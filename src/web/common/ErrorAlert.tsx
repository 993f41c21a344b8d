import { Alert } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useIntl } from 'react-intl';
import { errorMessage } from '../forms/validation';

/** A translated error in an alert that screen readers announce. */
export function ErrorAlert({ error, message, testId }: { error?: unknown; message?: string | null; testId?: string }) {
  const intl = useIntl();
  const text = message ?? (error ? errorMessage(intl, error) : null);
  if (!text) return null;
  return (
    <Alert color="red" role="alert" aria-live="assertive" icon={<IconAlertTriangle aria-hidden />} data-testid={testId ?? 'error-alert'}>
      {text}
    </Alert>
  );
}
