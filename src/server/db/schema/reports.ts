import { boolean, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

// Mirrors migrations/0003_reports.sql; the SQL file is the source of truth.

export const reports = pgTable('reports', {
  id: uuid('id').primaryKey().defaultRandom(),
  reference: text('reference').notNull(),
  kind: text('kind').notNull(),
  channel: text('channel').notNull(),
  status: text('status').notNull().default('new'),
  urgency: text('urgency').notNull(),
  receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
  callerType: text('caller_type'),
  language: text('language'),
  region: text('region'),
  province: text('province'),
  narrativeEnc: text('narrative_enc'),
  reporterContactEnc: text('reporter_contact_enc'),
  exploitationForms: text('exploitation_forms').array().notNull().default([]),
  peopleAtRisk: integer('people_at_risk'),
  minorsInvolved: boolean('minors_involved'),
  receiptHash: text('receipt_hash'),
  closureReason: text('closure_reason'),
  closedAt: timestamp('closed_at', { withTimezone: true }),
  ownerAgencyId: uuid('owner_agency_id'),
  createdBy: uuid('created_by'),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const reportDispatches = pgTable('report_dispatches', {
  id: uuid('id').primaryKey().defaultRandom(),
  reportId: uuid('report_id').notNull(),
  purpose: text('purpose').notNull(),
  agencyId: uuid('agency_id').notNull(),
  dispatchedAt: timestamp('dispatched_at', { withTimezone: true }).notNull().defaultNow(),
  dispatchedBy: uuid('dispatched_by'),
  acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
  acknowledgedBy: uuid('acknowledged_by'),
});

export const reportAdditions = pgTable('report_additions', {
  id: uuid('id').primaryKey().defaultRandom(),
  reportId: uuid('report_id').notNull(),
  textEnc: text('text_enc').notNull(),
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
