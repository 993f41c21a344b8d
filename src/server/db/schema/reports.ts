import { boolean, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { encryptedText } from '../../crypto/encrypted-columns.js';
import { CALLER_TYPES, DISPATCH_PURPOSES, REPORT_CHANNELS, REPORT_CLOSURE_REASONS, REPORT_KINDS, REPORT_STATUSES, REPORT_URGENCIES } from '@shared/api/reports.js';
import { REGION_CODES } from '@shared/geo/regions.js';
import { LANGUAGE_CODES } from '@shared/htcds/languages.js';
import { EXPLOITATION_FORMS } from '@shared/htcds/victim.js';

// Mirrors migrations/0003_reports.sql; the SQL file is the source of truth.

export const reports = pgTable('reports', {
  id: uuid('id').primaryKey().defaultRandom(),
  reference: text('reference').notNull(),
  kind: text('kind', { enum: REPORT_KINDS }).notNull(),
  channel: text('channel', { enum: REPORT_CHANNELS }).notNull(),
  status: text('status', { enum: REPORT_STATUSES }).notNull().default('new'),
  urgency: text('urgency', { enum: REPORT_URGENCIES }).notNull(),
  receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
  callerType: text('caller_type', { enum: CALLER_TYPES }),
  language: text('language', { enum: LANGUAGE_CODES }),
  region: text('region', { enum: REGION_CODES }),
  // Free text: a caller names a place as they can.
  province: text('province'),
  narrativeEnc: encryptedText('narrative_enc'),
  reporterContactEnc: encryptedText('reporter_contact_enc'),
  exploitationForms: text('exploitation_forms', { enum: EXPLOITATION_FORMS }).array().notNull().default([]),
  peopleAtRisk: integer('people_at_risk'),
  minorsInvolved: boolean('minors_involved'),
  receiptHash: text('receipt_hash'),
  closureReason: text('closure_reason', { enum: REPORT_CLOSURE_REASONS }),
  closedAt: timestamp('closed_at', { withTimezone: true }),
  // When the retention sweep erased the personal content (migrations/0017_report_retention.sql).
  erasedAt: timestamp('erased_at', { withTimezone: true }),
  ownerAgencyId: uuid('owner_agency_id'),
  createdBy: uuid('created_by'),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const reportDispatches = pgTable('report_dispatches', {
  id: uuid('id').primaryKey().defaultRandom(),
  reportId: uuid('report_id').notNull(),
  purpose: text('purpose', { enum: DISPATCH_PURPOSES }).notNull(),
  agencyId: uuid('agency_id').notNull(),
  dispatchedAt: timestamp('dispatched_at', { withTimezone: true }).notNull().defaultNow(),
  dispatchedBy: uuid('dispatched_by'),
  acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
  acknowledgedBy: uuid('acknowledged_by'),
});

export const reportAdditions = pgTable('report_additions', {
  id: uuid('id').primaryKey().defaultRandom(),
  reportId: uuid('report_id').notNull(),
  textEnc: encryptedText('text_enc').notNull(),
  receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
});

export const reportCases = pgTable(
  'report_cases',
  {
    reportId: uuid('report_id').notNull(),
    caseId: uuid('case_id').notNull(),
    linkedAt: timestamp('linked_at', { withTimezone: true }).notNull().defaultNow(),
    linkedBy: uuid('linked_by'),
  },
  (t) => [primaryKey({ columns: [t.reportId, t.caseId] })],
);
