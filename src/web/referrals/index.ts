// The referrals area: pages, and the panels the case page embeds as tabs.
export { ReferralsPage } from './ReferralsPage';
export { ReferralPage } from './ReferralPage';
export { ReferralCreateModal } from './ReferralCreateModal';
export { CaseReferralsPanel } from './CaseReferralsPanel';
export { ServicesPanel } from './ServicesPanel';
export { SupportPlanPanel } from './SupportPlanPanel';
export { FollowUpsPanel } from './FollowUpsPanel';
export { ReturnPanel } from './ReturnPanel';
export { ClosePanel } from './ClosePanel';
export { REFERRAL_CASE_TABS } from './caseTabs';
