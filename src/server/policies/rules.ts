import type { Action } from '@shared/actions.js';
import type { Role } from '@shared/roles.js';

/**
 * How far a grant reaches over records:
 * - `own`: records the user created;
 * - `assigned`: records the user is assigned to (or created);
 * - `agency`: records owned by the user's agency;
 * - `national`: every record (used for administration, audit and de-identified figures).
 */
export type Scope = 'own' | 'assigned' | 'agency' | 'national';

export const SCOPE_RANK: Record<Scope, number> = { own: 1, assigned: 2, agency: 3, national: 4 };

export interface Rule {
  role: Role;
  action: Action;
  scope: Scope;
}

const rules: Rule[] = [];

/** Grants `actions` to `role` over records within `scope`. Everything not granted is denied. */
function allow(role: Role, actions: readonly Action[], scope: Scope): void {
  for (const action of actions) rules.push({ role, action, scope });
}

// Administration: users and agencies, never case content (separation of duties).
allow('administrator', ['agency.list', 'agency.create', 'agency.update', 'user.list', 'user.create', 'user.update', 'user.reset2fa'], 'national');

// Auditors read the trail and check its integrity, nothing else.
allow('auditor', ['audit.read', 'audit.verify'], 'national');

// --- Victim cases (src/server/cases) ---
// First responders work the cases their agency opened (PRODUCT.md "who uses it"),
// and as the owner they see each case's access history.
const CASE_WORK = ['case.list', 'case.read', 'case.create', 'case.update', 'case.assign', 'case.consent', 'case.attach', 'case.readAttachment', 'case.requestMerge', 'case.merge', 'case.readAccessLog'] as const;
allow('first_responder', CASE_WORK, 'agency');
// Case managers work the cases assigned to them (or that they opened), whoever owns them.
allow('case_manager', CASE_WORK, 'assigned');
// Prosecutors reach victims only through their proceedings (justice module); service
// providers only through referrals' shared fields; administrators, coordinators,
// analysts and auditors never see case content.
// --- end cases ---

// --- Reports (src/server/reports) ---
// National scope: Morocco runs one national hotline whose operators take every
// call and every online report (public reports belong to no agency), so any
// operator on shift must see the whole queue.
allow('hotline_operator', ['report.list', 'report.read', 'report.create', 'report.update', 'report.triage', 'report.dispatch', 'report.close'], 'national');
// For reports, `agency` scope means "dispatched to the user's agency" (see reports/report-scope.ts):
// the police or gendarmerie unit sent to an emergency reads it and acknowledges it,
// and links it to the case it opens (the hotline never sees cases, so it cannot).
allow('first_responder', ['report.list', 'report.read', 'report.acknowledgeDispatch', 'report.linkCase'], 'agency');
// --- end reports ---

// --- Screening (src/server/screening) ---
// First responders screen, decide and open cases for their agency's screenings.
allow('first_responder', ['screening.list', 'screening.read', 'screening.create', 'screening.decide', 'screening.openCase', 'screening.coverage'], 'agency');
allow('first_responder', ['screening.readIndicators'], 'national');
// The indicators are configuration: administrators edit them (as new versions), never screenings.
allow('administrator', ['screening.readIndicators', 'screening.editIndicators'], 'national');
// Coverage counts only (never an individual screening) for the commission and analysts.
allow('national_coordinator', ['screening.coverage'], 'national');
allow('analyst', ['screening.coverage'], 'national');
// --- end screening ---

// --- Service directory (src/server/providers) ---
// The directory is configuration, not case content: administrators keep it.
allow('administrator', ['provider.list', 'provider.read', 'provider.create', 'provider.update'], 'national');
// Every operational role looks providers up.
for (const role of ['hotline_operator', 'first_responder', 'case_manager', 'service_provider', 'prosecutor', 'national_coordinator'] as const) {
  allow(role, ['provider.list', 'provider.read'], 'national');
}
// A shelter reports its own beds, never another agency's.
allow('service_provider', ['provider.updateCapacity'], 'agency');
// Those who refer victims get ranked suggestions.
allow('first_responder', ['provider.match'], 'national');
allow('case_manager', ['provider.match'], 'national');
// --- end providers ---

// --- Referrals, services, follow-up (src/server/referrals) ---
// Case workers refer the cases they work and keep their plans, follow-ups,
// returns and closure. The scope of these grants mirrors the case grants: the
// referrals module checks the case itself with loadCaseInScope('case.update').
const CARE_WORK = ['referral.list', 'referral.read', 'referral.create', 'referral.cancel', 'service.list', 'service.record', 'supportPlan.manage', 'followUp.manage', 'return.manage', 'case.close', 'worklist.caseManager'] as const;
allow('first_responder', CARE_WORK, 'agency');
allow('case_manager', CARE_WORK, 'assigned');
// A service provider sees referrals sent to its own agency (only the shared
// fields, never the case), answers them and records the services it delivers.
allow('service_provider', ['referral.list', 'referral.read', 'referral.respond', 'service.list', 'service.record', 'worklist.shelter'], 'agency');
// The coordinator sees pathway health as counts (no identities) and reviews consent overrides.
allow('national_coordinator', ['worklist.pathwayHealth', 'referral.reviewOverride'], 'national');
// Response times are configuration: the administrator sets them, without any case content.
allow('administrator', ['referral.configure'], 'national');
// --- end referrals ---

// --- Notifications (src/server/notifications) ---
// No grants: /api/notifications uses `session` access, because every user of every
// role reads and marks only their own notifications (bound to the user id in SQL).
// --- end notifications ---

/** The policy table: every grant in the system. */
export const POLICY_RULES: readonly Rule[] = rules;
