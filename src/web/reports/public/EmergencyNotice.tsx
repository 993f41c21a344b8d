import { Alert, Anchor } from '@mantine/core';
import { IconPhoneCall } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useIntl } from 'react-intl';

/** Morocco's emergency numbers, by the tag that wraps each one in the message. */
const EMERGENCY_NUMBERS = { police: '19', gendarmerie: '177', mobile: '112' } as const;

/** First thing on the page: in an emergency, call; a form is too slow. Each number is a tap-to-call link. */
export function EmergencyNotice() {
  const intl = useIntl();
  const callLink = (number: string) =>
    function CallLink(chunks: ReactNode[]) {
      return (
        <Anchor href={`tel:${number}`} fw={700} c="red.9" dir="ltr" aria-label={intl.formatMessage({ id: 'publicPage.emergency.call' }, { number })} data-testid={`emergency-call-${number}`}>
          {chunks}
        </Anchor>
      );
    };
  return (
    <Alert color="red" variant="light" icon={<IconPhoneCall aria-hidden />} title={intl.formatMessage({ id: 'publicReport.emergency.title' })} data-testid="public-report-emergency">
      {intl.formatMessage(
        { id: 'publicPage.emergency.body' },
        { police: callLink(EMERGENCY_NUMBERS.police), gendarmerie: callLink(EMERGENCY_NUMBERS.gendarmerie), mobile: callLink(EMERGENCY_NUMBERS.mobile) },
      )}
    </Alert>
  );
}
