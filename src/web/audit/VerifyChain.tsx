import { Alert, Button, Code, Stack } from '@mantine/core';
import { IconCircleCheck, IconShieldX } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { FormattedMessage, useIntl } from 'react-intl';
import { call } from '../api/call';
import { adminApi } from '../../shared/api/admin';
import { ErrorAlert } from '../common/ErrorAlert';
import { optionalMessage } from '../i18n/optionalMessage';

/** Re-computes the audit hash chain on the server and says whether it is intact. */
export function VerifyChain() {
  const intl = useIntl();
  const verify = useMutation({ mutationFn: () => call(adminApi.verifyAudit) });
  const result = verify.data;
  return (
    <Stack gap="sm" mb="md">
      <Button
        variant="outline"
        w="fit-content"
        loading={verify.isPending}
        onClick={() => verify.mutate()}
        data-testid="audit-verify"
      >
        <FormattedMessage id="audit.verify" />
      </Button>
      <div aria-live="polite">
        <ErrorAlert error={verify.error} />
        {result && (
          <Alert
            color={result.ok ? 'green' : 'red'}
            role={result.ok ? 'status' : 'alert'}
            icon={result.ok ? <IconCircleCheck aria-hidden /> : <IconShieldX aria-hidden />}
            title={intl.formatMessage({ id: result.ok ? 'audit.verify.ok' : 'audit.verify.broken' })}
            data-testid={result.ok ? 'audit-verify-ok' : 'audit-verify-broken'}
          >
            <FormattedMessage id="audit.verify.checked" values={{ count: result.checked }} />
            {!result.ok && result.firstBrokenId && (
              <div>
                <FormattedMessage id="audit.verify.firstBroken" values={{ id: <Code>{result.firstBrokenId}</Code> }} />
              </div>
            )}
            {!result.ok && result.reason && (
              <div>{optionalMessage(intl, `audit.verify.reason.${result.reason}`, result.reason)}</div>
            )}
          </Alert>
        )}
      </div>
    </Stack>
  );
}
