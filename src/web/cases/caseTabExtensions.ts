import type { ComponentType } from 'react';
import type { CaseDetail } from '../../shared/api/cases';
import { REFERRAL_CASE_TABS } from '../referrals/caseTabs';

/** One tab of the case page. */
export interface CaseTabDefinition {
  /** URL value (`?tab=<name>`) and test id suffix (`case-tab-<name>`). */
  name: string;
  /** Catalog key of the tab's label. */
  labelId: string;
  /** Shown only when this returns true (e.g. the reader holds an action on the case). */
  visible?: (caseData: CaseDetail) => boolean;
  /** The panel; it receives the case as loaded (with its version and allowedActions). */
  Panel: ComponentType<{ caseData: CaseDetail }>;
  /** Place the tab right after the tab of this name (default: at the end). */
  after?: string;
}

// ─── EXTENSION SLOT: referrals, support plan, closure (src/web/referrals) ───
// The referrals helper adds its tabs here, e.g.
//   { name: 'referrals', labelId: 'referrals.tab', after: 'consents', Panel: ReferralsPanel }
// Nothing else in src/web/cases needs to change: CaseTabs renders these in place.
/** Tabs other areas add to the case page. */
export const CASE_TAB_EXTENSIONS: CaseTabDefinition[] = [...REFERRAL_CASE_TABS];
// ─── end of extension slot ───
