import type { IntlShape } from 'react-intl';
import type { NotificationItem } from './notificationsApi';

/**
 * The translated sentence of a notification. Modules put different
 * identifiers in params (a referral reference, a case number, a report
 * reference): the catalogs use one `{ref}` for whichever is there, so a
 * missing parameter can never break a message.
 */
export function notificationMessage(intl: IntlShape, item: Pick<NotificationItem, 'kind' | 'params'>): string {
  const params = item.params;
  const ref = String(params.reference ?? params.caseNumber ?? '');
  const day = (value: unknown) =>
    typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? intl.formatDate(`${value}T00:00:00Z`, { dateStyle: 'medium', timeZone: 'UTC' }) : '';
  const purpose = params.purpose === 'emergency' || params.purpose === 'screening' ? params.purpose : 'other';
  const urgency = params.urgency === 'immediate_danger' || params.urgency === 'urgent' ? params.urgency : 'other';
  return intl.formatMessage({ id: `notification.${item.kind}` }, { ref, endDate: day(params.endDate), dueDate: day(params.dueDate), purpose, urgency });
}
