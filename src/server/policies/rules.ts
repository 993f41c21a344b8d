import type { Action } from '@shared/actions.js';
import type { Role } from '@shared/roles.js';
import type { Relationship } from './relationships.js';

/**
 * One grant: `role` may take `action` on the records it stands to in
 * `relationship` (see relationships.ts; each resource under access/ says what
 * the relationship means for its table). A user with several roles or several
 * relationships for one action reaches the union of them.
 */
export interface Rule {
  role: Role;
  action: Action;
  relationship: Relationship;
}

const rules: Rule[] = [];

/** Grants `actions` to `role` over the records in any of `relationships`. Everything not granted is denied. */
function allow(role: Role, actions: readonly Action[], relationships: Relationship | readonly Relationship[]): void {
  for (const action of actions) {
    for (const relationship of typeof relationships === 'string' ? [relationships] : relationships) rules.push({ role, action, relationship });
  }
}

// Administration: users and agencies, never case content (separation of duties).
allow('administrator', ['agency.list', 'agency.create', 'agency.update', 'user.list', 'user.create', 'user.update', 'user.reset2fa'], 'all');

// Auditors read the trail and check its integrity, nothing else.
allow('auditor', ['audit.read', 'audit.verify'], 'all');

// --- Victim cases (src/server/cases) ---
// First responders work the cases their agency opened (PRODUCT.md "who uses it"),
// and as the owner they see each case's access history.
const CASE_WORK = ['case.list', 'case.export', 'case.read', 'case.create', 'case.update', 'case.assign', 'case.consent', 'case.attach', 'case.readAttachment', 'case.requestMerge', 'case.merge', 'case.readAccessLog'] as const;
allow('first_responder', CASE_WORK, 'ownerAgency');
// Case managers work the cases assigned to them (or that they opened), whoever owns them.
allow('case_manager', CASE_WORK, ['creator', 'assigned']);
// Handing a case to another agency (cases/case-transfer.ts): the owner agency's case workers ask
// (the route also needs the case in their read scope, so a case manager must work it too); the
// receiving agency's case workers see the pending transfer without identity and accept or decline it.
allow('first_responder', ['case.transfer'], 'ownerAgency');
allow('case_manager', ['case.transfer'], 'ownerAgency');
allow('first_responder', ['case.acceptTransfer'], 'receivingAgency');
allow('case_manager', ['case.acceptTransfer'], 'receivingAgency');
// Prosecutors reach victims only through their proceedings (justice module); service
// providers only through referrals' shared fields; administrators, coordinators,
// analysts and auditors never see case content.
// --- end cases ---

// --- Reports (src/server/reports) ---
// National scope: Morocco runs one national hotline whose operators take every
// call and every online report (public reports belong to no agency), so any
// operator on shift must see the whole queue.
allow('hotline_operator', ['report.list', 'report.read', 'report.create', 'report.update', 'report.triage', 'report.dispatch', 'report.close'], 'all');
// A first responder reaches the reports its agency owns and those dispatched to it:
// the police or gendarmerie unit sent to an emergency reads it and acknowledges it,
// and links it to the case it opens (the hotline never sees cases, so it cannot).
allow('first_responder', ['report.list', 'report.read', 'report.acknowledgeDispatch', 'report.linkCase'], ['ownerAgency', 'dispatchedTo']);
// --- end reports ---

// --- Screening (src/server/screening) ---
// First responders screen, decide and open cases for their agency's screenings.
allow('first_responder', ['screening.list', 'screening.read', 'screening.create', 'screening.decide', 'screening.openCase', 'screening.coverage'], 'ownerAgency');
allow('first_responder', ['screening.readIndicators'], 'all');
// The indicators are configuration: administrators edit them (as new versions), never screenings.
allow('administrator', ['screening.readIndicators', 'screening.editIndicators'], 'all');
// Coverage counts only (never an individual screening) for the commission and analysts.
allow('national_coordinator', ['screening.coverage'], 'all');
allow('analyst', ['screening.coverage'], 'all');
// --- end screening ---

// --- Service directory (src/server/providers) ---
// The directory is configuration, not case content: administrators keep it.
allow('administrator', ['provider.list', 'provider.read', 'provider.create', 'provider.update'], 'all');
// Every operational role looks providers up.
for (const role of ['hotline_operator', 'first_responder', 'case_manager', 'service_provider', 'prosecutor', 'national_coordinator'] as const) {
  allow(role, ['provider.list', 'provider.read'], 'all');
}
// A shelter reports its own beds, never another agency's.
allow('service_provider', ['provider.updateCapacity'], 'ownerAgency');
// Those who refer victims get ranked suggestions.
allow('first_responder', ['provider.match'], 'all');
allow('case_manager', ['provider.match'], 'all');
// --- end providers ---

// --- Referrals, services, follow-up (src/server/referrals) ---
// Case workers refer the cases they work and keep their plans, follow-ups,
// returns and closure. The relationships are the case's: a referral is reached
// through its case (access/referrals.ts), and the care modules check the case itself
// with loadCaseInScope('case.update').
const CARE_WORK = ['referral.list', 'referral.read', 'referral.create', 'referral.cancel', 'service.list', 'service.record', 'supportPlan.manage', 'followUp.manage', 'return.manage', 'case.close', 'worklist.caseManager'] as const;
allow('first_responder', CARE_WORK, 'ownerAgency');
allow('case_manager', CARE_WORK, ['creator', 'assigned']);
// A service provider sees referrals sent to its own agency (only the shared
// fields, never the case), answers them and records the services it delivers.
allow('service_provider', ['referral.list', 'referral.read', 'referral.respond', 'service.list', 'service.record', 'worklist.shelter'], 'receivingAgency');
// The coordinator sees pathway health as counts (no identities) and reviews consent overrides.
allow('national_coordinator', ['worklist.pathwayHealth', 'referral.reviewOverride'], 'all');
// Response times are configuration: the administrator sets them, without any case content.
allow('administrator', ['referral.configure'], 'all');
// --- end referrals ---

// --- Notifications (src/server/notifications) ---
// No grants: /api/notifications uses `session` access, because every user of every
// role reads and marks only their own notifications (bound to the user id in SQL).
// --- end notifications ---

/** The policy table: every grant in the system. */
export const POLICY_RULES: readonly Rule[] = rules;
