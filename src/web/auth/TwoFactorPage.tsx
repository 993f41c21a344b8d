import { Anchor, Text } from '@mantine/core';
import { FormattedMessage } from 'react-intl';
import { Link } from 'react-router-dom';
import { AuthLayout } from './AuthLayout';
import { TwoFactorCodeForm } from './TwoFactorCodeForm';

/** Step two for an enrolled account: the code from the authenticator app. */
export function TwoFactorPage() {
  return (
    <AuthLayout titleId="twoFactor.title">
      <Text size="sm">
        <FormattedMessage id="twoFactor.intro" />
      </Text>
      <TwoFactorCodeForm />
      <Anchor component={Link} to="/login" size="sm" data-testid="back-to-login">
        <FormattedMessage id="twoFactor.backToLogin" />
      </Anchor>
    </AuthLayout>
  );
}
