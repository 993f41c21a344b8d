import { Alert } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useIntl } from 'react-intl';
import { ApiError } from '../api/client';
import { errorMessage } from '../forms/validation';

/**
 * A translated error in an alert that screen readers announce: the label of the
 * error's reason when the server named one (the true cause), else of its code.
 * The code and reason ride along as data attributes for browser tests.
 */
export function ErrorAlert({ error, message, testId }: { error?: unknown; message?: string | null; testId?: string }) {
  const intl = useIntl();
  const text = message ?? (error ? errorMessage(intl, error) : null);
  if (!text) return null;
  const apiError = error instanceof ApiError ? error : null;
  return (
    <Alert
      color="red"
      role="alert"
      aria-live="assertive"
      icon={<IconAlertTriangle aria-hidden />}
      data-testid={testId ?? 'error-alert'}
      data-error-code={apiError?.code}
      data-error-reason={apiError?.reason ?? undefined}
    >
      {text}
    </Alert>
  );
}
