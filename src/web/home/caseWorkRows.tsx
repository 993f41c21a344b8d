import { Badge, Text } from '@mantine/core';
import { useIntl } from 'react-intl';
import type { CaseManagerWorkItem } from '../../shared/api/worklists';
import { optionalMessage } from '../i18n/optionalMessage';
import type { WorkRow } from './WorkRows';

/** A case manager's work lines: case number, next follow-up (or open referrals), what is overdue, status. */
export function useCaseWorkRows(items: CaseManagerWorkItem[] | undefined): WorkRow[] {
  const intl = useIntl();
  const day = (value: string) => intl.formatDate(`${value.slice(0, 10)}T00:00:00Z`, { dateStyle: 'medium', timeZone: 'UTC' });
  return (items ?? []).map((item) => {
    const overdue = item.overdueFollowUps + item.overdueReferrals;
    return {
      id: item.caseId,
      to: `/cases/${item.caseId}`,
      primary: (
        <Text span ff="monospace" size="sm" dir="ltr">
          {item.caseNumber}
        </Text>
      ),
      secondary: item.nextFollowUpDue
        ? intl.formatMessage({ id: 'worklist.nextFollowUp' }, { date: day(item.nextFollowUpDue) })
        : intl.formatMessage({ id: 'worklist.openReferrals' }, { count: item.openReferrals }),
      badges: (
        <>
          {overdue > 0 && (
            <Badge size="sm" color="red" data-testid="worklist-overdue">
              {intl.formatMessage({ id: 'worklist.overdue' }, { count: overdue })}
            </Badge>
          )}
          <Badge size="sm" variant="outline">
            {optionalMessage(intl, `caseStatus.${item.status}`, item.status)}
          </Badge>
        </>
      ),
    };
  });
}
