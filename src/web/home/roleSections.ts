import {
  IconBuildingHospital,
  IconChartBar,
  IconFileSearch,
  IconGavel,
  IconHeartHandshake,
  IconPhoneCall,
  IconShieldCheck,
  IconShieldLock,
  IconWorld,
  type Icon,
} from '@tabler/icons-react';
import type { ComponentType, ReactNode } from 'react';
import type { Role } from '../../shared/roles';
import { CaseManagerWorklist, ServiceProviderWorklist } from './CareWorklists';
import { CoordinatorWorklist } from './CoordinatorWorklist';
import { FirstResponderWorklist, HotlineWorklist } from './ReportWorklists';

/** A shortcut shown in a role's home section. */
export interface HomeLink {
  to: string;
  labelId: string;
  testId: string;
  permission: string;
}

/**
 * What each role's home section shows: its live work list when it has one
 * (which falls back to `empty` while there is nothing to act on), else the
 * empty state with its shortcuts.
 */
export interface RoleSection {
  icon: Icon;
  emptyId: string;
  links: HomeLink[];
  worklist?: ComponentType<{ empty: ReactNode }>;
}

export const ROLE_SECTIONS: Record<Role, RoleSection> = {
  hotline_operator: {
    icon: IconPhoneCall,
    emptyId: 'home.hotline_operator.empty',
    links: [{ to: '/reports', labelId: 'nav.reports', testId: 'home-link-reports', permission: 'report.list' }],
    worklist: HotlineWorklist,
  },
  first_responder: {
    icon: IconShieldCheck,
    emptyId: 'home.first_responder.empty',
    links: [
      { to: '/reports', labelId: 'nav.reports', testId: 'home-link-reports', permission: 'report.list' },
      { to: '/cases', labelId: 'worklist.cases', testId: 'home-link-cases', permission: 'case.list' },
    ],
    worklist: FirstResponderWorklist,
  },
  case_manager: {
    icon: IconHeartHandshake,
    emptyId: 'home.case_manager.empty',
    links: [{ to: '/cases', labelId: 'worklist.cases', testId: 'home-link-cases', permission: 'case.list' }],
    worklist: CaseManagerWorklist,
  },
  service_provider: { icon: IconBuildingHospital, emptyId: 'home.service_provider.empty', links: [], worklist: ServiceProviderWorklist },
  prosecutor: { icon: IconGavel, emptyId: 'home.prosecutor.empty', links: [] },
  national_coordinator: { icon: IconWorld, emptyId: 'home.national_coordinator.empty', links: [], worklist: CoordinatorWorklist },
  analyst: { icon: IconChartBar, emptyId: 'home.analyst.empty', links: [] },
  administrator: {
    icon: IconShieldLock,
    emptyId: 'home.administrator.empty',
    links: [
      { to: '/admin/agencies', labelId: 'nav.agencies', testId: 'home-link-agencies', permission: 'agency.list' },
      { to: '/admin/users', labelId: 'nav.users', testId: 'home-link-users', permission: 'user.list' },
    ],
  },
  auditor: {
    icon: IconFileSearch,
    emptyId: 'home.auditor.empty',
    links: [{ to: '/audit', labelId: 'nav.audit', testId: 'home-link-audit', permission: 'audit.read' }],
  },
};
