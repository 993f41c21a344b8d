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
allow('first_responder', ['case.list', 'case.read', 'case.create', 'case.update'], 'agency');
allow('case_manager', ['case.list', 'case.read', 'case.create', 'case.update', 'case.readAccessLog'], 'assigned');
// --- end cases ---

// --- Reports (src/server/reports) ---
// --- end reports ---

// --- Screening (src/server/screening) ---
// --- end screening ---

// --- Service directory (src/server/providers) ---
// --- end providers ---

// --- Referrals, services, follow-up (src/server/referrals) ---
// --- end referrals ---

// --- Notifications (src/server/notifications) ---
// --- end notifications ---

/** The policy table: every grant in the system. */
export const POLICY_RULES: readonly Rule[] = rules;
