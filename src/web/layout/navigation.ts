import { IconAddressBook, IconChartBar, IconListCheck, IconArrowsExchange, IconClipboardCheck, IconBuilding, IconFolders, IconHome, IconListSearch, IconPhoneCall, IconUserCircle, IconUsers, type Icon } from '@tabler/icons-react';

/** One navbar entry; `permission` hides it from users who would only see Forbidden. */
export interface NavItem {
  to: string;
  labelId: string;
  testId: string;
  icon: Icon;
  permission?: string;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { to: '/', labelId: 'nav.home', testId: 'nav-home', icon: IconHome },
  { to: '/admin/agencies', labelId: 'nav.agencies', testId: 'nav-agencies', icon: IconBuilding, permission: 'agency.list' },
  { to: '/admin/users', labelId: 'nav.users', testId: 'nav-users', icon: IconUsers, permission: 'user.list' },
  { to: '/reports', labelId: 'nav.reports', testId: 'nav-reports', icon: IconPhoneCall, permission: 'report.list' },
  { to: '/screenings', labelId: 'nav.screenings', testId: 'nav-screenings', icon: IconClipboardCheck, permission: 'screening.list' },
  { to: '/coverage', labelId: 'nav.coverage', testId: 'nav-coverage', icon: IconChartBar, permission: 'screening.coverage' },
  { to: '/admin/indicator-sets', labelId: 'nav.indicatorSets', testId: 'nav-indicator-sets', icon: IconListCheck, permission: 'screening.editIndicators' },
  { to: '/cases', labelId: 'nav.cases', testId: 'nav-cases', icon: IconFolders, permission: 'case.list' },
  { to: '/referrals', labelId: 'nav.referrals', testId: 'nav-referrals', icon: IconArrowsExchange, permission: 'referral.list' },
  { to: '/providers', labelId: 'nav.providers', testId: 'nav-providers', icon: IconAddressBook, permission: 'provider.list' },
  { to: '/audit', labelId: 'nav.audit', testId: 'nav-audit', icon: IconListSearch, permission: 'audit.read' },
  { to: '/profile', labelId: 'nav.profile', testId: 'nav-profile', icon: IconUserCircle },
];

/** The entries this set of permissions allows. */
export function visibleNavItems(permissions: readonly string[]): NavItem[] {
  return NAV_ITEMS.filter((item) => !item.permission || permissions.includes(item.permission));
}
