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
  // separation of duties: role grants approved by a second administrator, activation codes
  'user.roleGrantRequested',
  'user.roleGrantApproved',
  'user.roleGrantRejected',
  'user.activationIssued',
  'auth.activated',
  'profile.updated',
  'audit.read',
  'audit.verified',
  // cases
  'case.created',
  'case.viewed',
  'case.listed',
  'case.updated',
  'case.accessLogViewed',
  'case.notesViewed',
  'case.eventsViewed',
  'case.consentsViewed',
  'case.attachmentsViewed',
  'case.mergeRequestsViewed',
  'case.mergeRequestsListed',
  'case.assigned',
  'case.unassigned',
  'case.noteAdded',
  'case.eventAdded',
  'case.consentGiven',
  'case.consentRevoked',
  'case.attachmentAdded',
  'case.attachmentDownloaded',
  'case.duplicatesFound',
  'case.mergeRequested',
  'case.mergeAccepted',
  'case.mergeDeclined',
  // reports
  'report.created',
  'report.viewed',
  'report.listed',
  'report.updated',
  'report.triaged',
  'report.dispatched',
  'report.dispatchAcknowledged',
  'report.closed',
  'report.caseLinked',
  'report.publicReceived',
  'report.publicAdditionReceived',
  // screening
  'screening.created',
  'screening.viewed',
  'screening.listed',
  'screening.decided',
  'screening.caseOpened',
  'screening.indicatorSetCreated',
  // providers
  'provider.created',
  'provider.updated',
  'provider.capacityUpdated',
  // referrals
  'referral.created',
  'referral.consentOverridden',
  'referral.viewed',
  'referral.listed',
  'referral.accepted',
  'referral.declined',
  'referral.started',
  'referral.completed',
  'referral.cancelled',
  'referral.overrideReviewed',
  'referral.settingsUpdated',
  // care (reads of a case's records are audited on the case; service.listed also on a referral)
  'service.recorded',
  'service.listed',
  'supportPlan.created',
  'supportPlan.updated',
  'supportPlan.listed',
  'followUp.created',
  'followUp.completed',
  'followUp.listed',
  'return.updated',
  'return.viewed',
  'case.closed',
  // notifications
] as const;

export const auditAction = z.enum(AUDIT_ACTIONS);
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export type AuditOutcome = 'success' | 'failure' | 'denied';
