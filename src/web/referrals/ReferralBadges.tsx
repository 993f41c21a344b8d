import { Badge } from '@mantine/core';
import { useIntl } from 'react-intl';
import type { ReferralStatus, ReferralUrgency } from '../../shared/api/referrals';

const STATUS_COLOR: Record<ReferralStatus, string> = { sent: 'blue', accepted: 'teal', declined: 'orange', in_progress: 'cyan', completed: 'green', cancelled: 'gray' };
const URGENCY_COLOR: Record<ReferralUrgency, string> = { emergency: 'red', urgent: 'orange', routine: 'gray' };

/** A referral's lifecycle status as a coloured badge. */
export function ReferralStatusBadge({ status }: { status: ReferralStatus }) {
  const intl = useIntl();
  return (
    <Badge color={STATUS_COLOR[status]} variant="light" data-testid="referral-status" data-status={status}>
      {intl.formatMessage({ id: `referralStatus.${status}` })}
    </Badge>
  );
}

/** How fast an answer is needed. */
export function UrgencyBadge({ urgency }: { urgency: ReferralUrgency }) {
  const intl = useIntl();
  return (
    <Badge color={URGENCY_COLOR[urgency]} variant={urgency === 'routine' ? 'outline' : 'filled'}>
      {intl.formatMessage({ id: `referralUrgency.${urgency}` })}
    </Badge>
  );
}
