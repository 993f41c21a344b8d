import { z } from 'zod';
import { AGENCY_TYPES } from '../agencies.js';
import { LOCALES } from '../locales.js';
import { ROLES, TWO_FACTOR_ROLES, type Role } from '../roles.js';
import { defineContract } from './contract.js';
import { isoDate, line } from './fields.js';
import { localeNameFields, localeNames, someName } from './names.js';
import { pageOf, pageQuery } from './pagination.js';

export const agency = z.object({
  id: z.string().uuid(),
  /** In the reader's language, else the default name. */
  name: z.string(),
  /** Each language's own name (null: none), for the edit form. */
  ...localeNames,
  type: z.enum(AGENCY_TYPES),
  region: z.string().nullable(),
  disabled: z.boolean(),
  userCount: z.number().int(),
  createdAt: z.string(),
});
export type Agency = z.infer<typeof agency>;

const agencyFields = z.object({
  ...localeNameFields,
  type: z.enum(AGENCY_TYPES),
  region: line(100).nullable().optional(),
});
/** A new agency: a name in at least one language. */
export const agencyBody = agencyFields.superRefine(someName);
/** A partial update: a name left out stays, a null one is cleared (the server refuses clearing the last one). */
export const agencyPatch = agencyFields.partial().extend({ disabled: z.boolean().optional() });

/**
 * Roles that take a second administrator's approval to grant: every role that
 * needs 2FA, i.e. every role that can reach a victim's identity, administer
 * accounts or read the audit trail. A test walks the grant table to keep this
 * list a superset of the roles holding identity, user or audit actions.
 */
export const ROLES_NEEDING_APPROVAL: readonly Role[] = TWO_FACTOR_ROLES;

/** True when granting this role waits for a second administrator. */
export function needsApproval(role: Role): boolean {
  return ROLES_NEEDING_APPROVAL.includes(role);
}

/** Why a role grant was asked for. */
export const ROLE_GRANT_CAUSES = ['created', 'roles_changed', 'agency_changed', 'activation_reissued'] as const;
/** What the caller may do with a pending grant: the requester and the user themselves may only reject. */
export const ROLE_GRANT_ACTIONS = ['approve', 'reject'] as const;

export const pendingGrantSummary = z.object({
  id: z.string().uuid(),
  roles: z.array(z.enum(ROLES)),
  agencyId: z.string().uuid(),
  agencyName: z.string(),
  cause: z.enum(ROLE_GRANT_CAUSES),
  requestedBy: z.string(),
  requestedAt: z.string(),
  allowedActions: z.array(z.enum(ROLE_GRANT_ACTIONS)),
});
export type PendingGrantSummary = z.infer<typeof pendingGrantSummary>;

/** A pending grant with the user it is for (the approval list). */
export const roleGrant = pendingGrantSummary.extend({
  userId: z.string().uuid(),
  username: z.string(),
  displayName: z.string(),
});
export type RoleGrant = z.infer<typeof roleGrant>;

export const userSummary = z.object({
  id: z.string().uuid(),
  username: z.string(),
  displayName: z.string(),
  agencyId: z.string().uuid(),
  agencyName: z.string(),
  roles: z.array(z.enum(ROLES)),
  locale: z.enum(LOCALES),
  disabled: z.boolean(),
  twoFactorEnabled: z.boolean(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
  /** Roles asked for this user that wait for a second administrator (not held until approved). */
  pendingGrant: pendingGrantSummary.nullable(),
  /** 'pending' until the person sets their password with their activation code; 'expired' once the code ran out. */
  activation: z.enum(['pending', 'expired']).nullable(),
});
export type UserSummary = z.infer<typeof userSummary>;

/** The answer to an approval or a rejection. */
export const roleGrantDecision = z.object({
  id: z.string().uuid(),
  status: z.enum(['approved', 'rejected']),
  user: userSummary,
});

/** A user with the one-time activation code to hand over (shown once, never stored in clear). */
export const userWithActivationCode = userSummary.extend({
  activationCode: z.string(),
  activationExpiresAt: z.string(),
});
export type UserWithActivationCode = z.infer<typeof userWithActivationCode>;

export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._-]{3,50}$/);

export const createUserBody = z.object({
  username: usernameSchema,
  displayName: line(200, 1),
  agencyId: z.string().uuid(),
  roles: z.array(z.enum(ROLES)).min(1),
  locale: z.enum(LOCALES).default('ar'),
  // No password: the person sets their own with a one-time activation code.
});

export const updateUserBody = z.object({
  displayName: line(200, 1).optional(),
  agencyId: z.string().uuid().optional(),
  roles: z.array(z.enum(ROLES)).min(1).optional(),
  disabled: z.boolean().optional(),
});

export const userListQuery = z.object({
  q: line(100).optional(),
  agencyId: z.string().uuid().optional(),
});

export const auditEvent = z.object({
  id: z.string(),
  occurredAt: z.string(),
  actorUsername: z.string().nullable(),
  actorRole: z.string().nullable(),
  /** The actor's display name (the username stays: it is what a login is recorded under). */
  actorName: z.string().nullable(),
  agencyName: z.string().nullable(),
  action: z.string(),
  resourceType: z.string().nullable(),
  resourceId: z.string().nullable(),
  /** What a person calls the record: a case or referral number, a report reference, a user's or agency's name. */
  resourceLabel: z.string().nullable(),
  outcome: z.string(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  changedFields: z.array(z.string()),
});
export type AuditEvent = z.infer<typeof auditEvent>;

export const AUDIT_OUTCOMES = ['success', 'failure', 'denied'] as const;

export const auditListQuery = z.object({
  action: line(100).optional(),
  actor: line(100).optional(),
  resourceId: line(100).optional(),
  resourceType: line(40).optional(),
  outcome: z.enum(AUDIT_OUTCOMES).optional(),
  /** Days in the server's calendar (UTC), both included. */
  from: isoDate.optional(),
  to: isoDate.optional(),
});
export type AuditListQuery = z.infer<typeof auditListQuery>;

export const auditVerifyResponse = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  firstBrokenId: z.string().nullable(),
  reason: z.string().nullable(),
});

const idParams = z.object({ id: z.string().uuid() });

/** Agency and user administration, role grants and the audit trail: never case content. */
export const adminApi = {
  listAgencies: defineContract({ method: 'GET', path: '/api/agencies', tag: 'admin', query: pageQuery, response: pageOf(agency) }),
  createAgency: defineContract({ method: 'POST', path: '/api/agencies', tag: 'admin', body: agencyBody, response: agency, status: 201 }),
  updateAgency: defineContract({ method: 'PATCH', path: '/api/agencies/:id', tag: 'admin', params: idParams, body: agencyPatch, response: agency }),
  listUsers: defineContract({ method: 'GET', path: '/api/users', tag: 'admin', query: pageQuery.extend(userListQuery.shape), response: pageOf(userSummary) }),
  createUser: defineContract({ method: 'POST', path: '/api/users', tag: 'admin', body: createUserBody, response: userWithActivationCode, status: 201 }),
  updateUser: defineContract({ method: 'PATCH', path: '/api/users/:id', tag: 'admin', params: idParams, body: updateUserBody, response: userSummary }),
  reissueActivation: defineContract({ method: 'POST', path: '/api/users/:id/activation', tag: 'admin', params: idParams, response: userWithActivationCode }),
  resetTwoFactor: defineContract({ method: 'POST', path: '/api/users/:id/reset-2fa', tag: 'admin', params: idParams, response: userSummary }),
  pendingGrants: defineContract({ method: 'GET', path: '/api/role-grants', tag: 'admin', response: z.object({ items: z.array(roleGrant) }) }),
  approveGrant: defineContract({ method: 'POST', path: '/api/role-grants/:id/approve', tag: 'admin', params: idParams, response: roleGrantDecision }),
  rejectGrant: defineContract({ method: 'POST', path: '/api/role-grants/:id/reject', tag: 'admin', params: idParams, response: roleGrantDecision }),
  listAudit: defineContract({ method: 'GET', path: '/api/audit', tag: 'audit', query: pageQuery.extend(auditListQuery.shape), response: pageOf(auditEvent) }),
  verifyAudit: defineContract({ method: 'GET', path: '/api/audit/verify', tag: 'audit', response: auditVerifyResponse }),
  /** The filtered trail as CSV, streamed; a POST because an export is its own audited act. */
  exportAudit: defineContract({
    method: 'POST',
    path: '/api/audit/export',
    tag: 'audit',
    body: auditListQuery,
    response: z.custom<{ pipe: unknown }>((value) => typeof value === 'object' && value !== null && 'pipe' in value),
  }),
};
