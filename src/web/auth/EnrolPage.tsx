import { Anchor, Center, Code, Image, Loader, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link } from 'react-router-dom';
import { call } from '../api/call';
import { authApi } from '../../shared/api/auth';
import { ErrorAlert } from '../common/ErrorAlert';
import { AuthLayout } from './AuthLayout';
import { TwoFactorCodeForm } from './TwoFactorCodeForm';

/** First sign-in of a role that needs 2FA: scan the QR code (or type the secret), then confirm a code. */
export function EnrolPage() {
  const intl = useIntl();
  const enrolment = useQuery({
    queryKey: ['2fa-enrol'],
    queryFn: () => call(authApi.enrol),
    retry: false,
    staleTime: Infinity,
    gcTime: 0,
  });

  return (
    <AuthLayout titleId="enrol.title">
      <Text size="sm">
        <FormattedMessage id="enrol.intro" />
      </Text>
      {enrolment.isPending && (
        <Center>
          <Loader />
        </Center>
      )}
      <ErrorAlert error={enrolment.error} />
      {enrolment.data && (
        <Stack gap="xs" align="center">
          <Image
            src={enrolment.data.qrDataUrl}
            alt={intl.formatMessage({ id: 'enrol.qrAlt' })}
            w={200}
            h={200}
            data-testid="enrol-qr"
          />
          <Text size="sm">
            <FormattedMessage id="enrol.manual" />
          </Text>
          <Code
            data-testid="enrol-secret"
            dir="ltr"
            style={{ fontSize: 'var(--mantine-font-size-md)', letterSpacing: '0.1em', wordBreak: 'break-all' }}
          >
            {enrolment.data.secret}
          </Code>
        </Stack>
      )}
      {enrolment.data && <TwoFactorCodeForm />}
      <Anchor component={Link} to="/login" size="sm" data-testid="back-to-login">
        <FormattedMessage id="twoFactor.backToLogin" />
      </Anchor>
    </AuthLayout>
  );
}
