import type { CaseTabDefinition } from '../cases/caseTabExtensions';
import { CaseReferralsPanel } from './CaseReferralsPanel';
import { ClosePanel } from './ClosePanel';
import { FollowUpsPanel } from './FollowUpsPanel';
import { ReturnPanel } from './ReturnPanel';
import { ServicesPanel } from './ServicesPanel';
import { SupportPlanPanel } from './SupportPlanPanel';

/** The case-page tabs of the pathway after the case: referrals, services, plans, follow-ups, return, closure. */
export const REFERRAL_CASE_TABS: CaseTabDefinition[] = [
  { name: 'referrals', labelId: 'referrals.tab', after: 'consents', Panel: CaseReferralsPanel },
  { name: 'services', labelId: 'services.tab', after: 'referrals', Panel: ServicesPanel },
  { name: 'support-plan', labelId: 'supportPlan.tab', after: 'services', Panel: SupportPlanPanel },
  { name: 'follow-ups', labelId: 'followUp.tab', after: 'support-plan', Panel: FollowUpsPanel },
  { name: 'return', labelId: 'return.tab', after: 'follow-ups', Panel: ReturnPanel },
  { name: 'closure', labelId: 'closure.tab', Panel: ClosePanel, visible: (c) => c.allowedActions.includes('case.update') || c.status === 'Closed' || c.status === 'ClosedReferred' },
];
