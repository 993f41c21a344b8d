import { boolean, date, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { encryptedText } from '../../crypto/encrypted-columns.js';
import { SERVICE_TYPES } from '@shared/api/providers.js';
import { MILESTONE_KINDS, RETURN_STATUSES, SERVICE_OUTCOMES, SUPPORT_PLAN_TYPES } from '@shared/api/care.js';
import { DECLINE_REASONS, OVERRIDE_REASONS, REFERRAL_REASONS, REFERRAL_STATUSES, REFERRAL_URGENCIES, SHAREABLE_FIELDS } from '@shared/api/referrals.js';
import { COUNTRY_CODES } from '@shared/htcds/countries.js';
import { OVERRIDE_REVIEW_OUTCOMES } from '@shared/api/override-review.js';

// Mirrors migrations/0006_referrals.sql; the SQL file is the source of truth.

const ts = (name: string) => timestamp(name, { withTimezone: true });

export const referrals = pgTable('referrals', {
  id: uuid('id').primaryKey().defaultRandom(),
  reference: text('reference').notNull(),
  caseId: uuid('case_id').notNull(),
  providerId: uuid('provider_id').notNull(),
  receivingAgencyId: uuid('receiving_agency_id').notNull(),
  referringAgencyId: uuid('referring_agency_id').notNull(),
  referredBy: uuid('referred_by').notNull(),
  serviceType: text('service_type', { enum: SERVICE_TYPES }).notNull(),
  urgency: text('urgency', { enum: REFERRAL_URGENCIES }).notNull(),
  reason: text('reason', { enum: REFERRAL_REASONS }).notNull(),
  reasonDetailsEnc: encryptedText('reason_details_enc'),
  sharedFields: text('shared_fields', { enum: SHAREABLE_FIELDS }).array().notNull().default([]),
  snapshotEnc: encryptedText('snapshot_enc'),
  status: text('status', { enum: REFERRAL_STATUSES }).notNull().default('sent'),
  sentAt: ts('sent_at').notNull().defaultNow(),
  acceptedAt: ts('accepted_at'),
  declinedAt: ts('declined_at'),
  startedAt: ts('started_at'),
  completedAt: ts('completed_at'),
  cancelledAt: ts('cancelled_at'),
  respondedBy: uuid('responded_by'),
  declineReason: text('decline_reason', { enum: DECLINE_REASONS }),
  declineNoteEnc: encryptedText('decline_note_enc'),
  cancelNoteEnc: encryptedText('cancel_note_enc'),
  bedHeld: boolean('bed_held').notNull().default(false),
  consentOverride: boolean('consent_override').notNull().default(false),
  overrideReason: text('override_reason', { enum: OVERRIDE_REASONS }),
  overrideJustificationEnc: encryptedText('override_justification_enc'),
  overrideReviewedAt: ts('override_reviewed_at'),
  overrideReviewedBy: uuid('override_reviewed_by'),
  // migrations/0019_override_review.sql: approved, or flagged with a note (src/server/referrals/override-review.ts).
  overrideReviewOutcome: text('override_review_outcome', { enum: OVERRIDE_REVIEW_OUTCOMES }),
  overrideReviewNoteEnc: encryptedText('override_review_note_enc'),
  version: integer('version').notNull().default(1),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const servicesDelivered = pgTable('services_delivered', {
  id: uuid('id').primaryKey().defaultRandom(),
  caseId: uuid('case_id').notNull(),
  referralId: uuid('referral_id'),
  providerId: uuid('provider_id'),
  serviceType: text('service_type', { enum: SERVICE_TYPES }).notNull(),
  startDate: date('start_date').notNull(),
  endDate: date('end_date'),
  outcome: text('outcome', { enum: SERVICE_OUTCOMES }).notNull(),
  noteEnc: encryptedText('note_enc'),
  recordedBy: uuid('recorded_by').notNull(),
  recordingAgencyId: uuid('recording_agency_id').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const supportPlans = pgTable('support_plans', {
  id: uuid('id').primaryKey().defaultRandom(),
  caseId: uuid('case_id').notNull(),
  type: text('type', { enum: SUPPORT_PLAN_TYPES }).notNull(),
  objectivesEnc: encryptedText('objectives_enc').notNull(),
  actionPlanEnc: encryptedText('action_plan_enc'),
  plannedEndDate: date('planned_end_date'),
  actualEndDate: date('actual_end_date'),
  version: integer('version').notNull().default(1),
  createdBy: uuid('created_by').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const caseFollowUps = pgTable('case_follow_ups', {
  id: uuid('id').primaryKey().defaultRandom(),
  caseId: uuid('case_id').notNull(),
  dueDate: date('due_date').notNull(),
  purposeEnc: encryptedText('purpose_enc').notNull(),
  assigneeId: uuid('assignee_id'),
  doneAt: ts('done_at'),
  doneBy: uuid('done_by'),
  outcomeNoteEnc: encryptedText('outcome_note_enc'),
  createdBy: uuid('created_by').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const caseReturns = pgTable('case_returns', {
  caseId: uuid('case_id').primaryKey(),
  status: text('status', { enum: RETURN_STATUSES }).notNull(),
  returnCountry: text('return_country', { enum: COUNTRY_CODES }).notNull(),
  returnDate: date('return_date'),
  iomInvolved: boolean('iom_involved').notNull().default(false),
  noteEnc: encryptedText('note_enc'),
  version: integer('version').notNull().default(1),
  updatedBy: uuid('updated_by').notNull(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const reintegrationMilestones = pgTable('reintegration_milestones', {
  id: uuid('id').primaryKey().defaultRandom(),
  caseId: uuid('case_id').notNull(),
  kind: text('kind', { enum: MILESTONE_KINDS }).notNull(),
  targetDate: date('target_date'),
  achievedOn: date('achieved_on'),
  noteEnc: encryptedText('note_enc'),
  position: integer('position').notNull().default(0),
});
