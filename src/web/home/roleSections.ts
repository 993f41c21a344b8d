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
import type { Role } from '../../shared/roles';

/** A shortcut shown in a role's home section. */
export interface HomeLink {
  to: string;
  labelId: string;
  testId: string;
  permission: string;
}

/** What each role's home section shows until its data screens exist. */
export interface RoleSection {
  icon: Icon;
  emptyId: string;
  links: HomeLink[];
}

export const ROLE_SECTIONS: Record<Role, RoleSection> = {
  hotline_operator: {
    icon: IconPhoneCall,
    emptyId: 'home.hotline_operator.empty',
    links: [{ to: '/reports', labelId: 'nav.reports', testId: 'home-link-reports', permission: 'report.list' }],
  },
  first_responder: { icon: IconShieldCheck, emptyId: 'home.first_responder.empty', links: [] },
  case_manager: { icon: IconHeartHandshake, emptyId: 'home.case_manager.empty', links: [] },
  service_provider: { icon: IconBuildingHospital, emptyId: 'home.service_provider.empty', links: [] },
  prosecutor: { icon: IconGavel, emptyId: 'home.prosecutor.empty', links: [] },
  national_coordinator: { icon: IconWorld, emptyId: 'home.national_coordinator.empty', links: [] },
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
