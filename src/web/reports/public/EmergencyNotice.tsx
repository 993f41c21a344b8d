import { Alert } from '@mantine/core';
import { IconPhoneCall } from '@tabler/icons-react';
import { useIntl } from 'react-intl';

/** First thing on the page: in an emergency, call; a form is too slow. */
export function EmergencyNotice() {
  const intl = useIntl();
  return (
    <Alert color="red" variant="light" icon={<IconPhoneCall aria-hidden />} title={intl.formatMessage({ id: 'publicReport.emergency.title' })} data-testid="public-report-emergency">
      {intl.formatMessage({ id: 'publicReport.emergency.body' })}
    </Alert>
  );
}
