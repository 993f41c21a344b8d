import { z } from 'zod';

/**
 * The closed list of audit event types. Adding one is a deliberate change:
 * the auditor screen and the hash chain depend on a stable vocabulary.
 */
export const AUDIT_ACTIONS = [
  'auth.login',
  'auth.logout',
  'auth.logoutAll',
  'auth.twoFactorVerified',
  'auth.twoFactorEnrolled',
  'auth.twoFactorFailed',
  'auth.passwordChanged',
  'access.denied',
  'agency.created',
  'agency.updated',
  'user.created',
  'user.updated',
  'user.twoFactorReset',
  'profile.updated',
  'audit.read',
  'audit.verified',
  // cases
  'case.created',
  'case.viewed',
  'case.listed',
  'case.updated',
  'case.accessLogViewed',
  // reports
  // screening
  // providers
  // referrals
  // notifications
] as const;

export const auditAction = z.enum(AUDIT_ACTIONS);
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export type AuditOutcome = 'success' | 'failure' | 'denied';
