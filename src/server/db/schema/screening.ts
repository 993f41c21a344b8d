import { boolean, date, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { IndicatorAnswer, LocalisedText, Suggestion, Thresholds } from '@shared/api/screening.js';

// Mirrors migrations/0005_screening.sql; the SQL file is the source of truth.

export const screeningIndicatorSets = pgTable('screening_indicator_sets', {
  id: uuid('id').primaryKey().defaultRandom(),
  version: integer('version').notNull(),
  changeNote: text('change_note'),
  thresholds: jsonb('thresholds').$type<Thresholds>().notNull(),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const screeningIndicators = pgTable(
  'screening_indicators',
  {
    setId: uuid('set_id').notNull(),
    code: text('code').notNull(),
    position: integer('position').notNull(),
    category: text('category').notNull(),
    element: text('element').notNull(),
    form: text('form'),
    weight: integer('weight').notNull(),
    strong: boolean('strong').notNull().default(false),
    text: jsonb('text').$type<LocalisedText>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.setId, t.code] })],
);

export const screenings = pgTable('screenings', {
  id: uuid('id').primaryKey().defaultRandom(),
  reference: text('reference').notNull(),
  indicatorSetId: uuid('indicator_set_id').notNull(),
  context: text('context').notNull(),
  campaignName: text('campaign_name'),
  vulnerableGroup: text('vulnerable_group'),
  place: text('place'),
  region: text('region'),
  province: text('province'),
  screenedOn: date('screened_on').notNull(),
  reportId: uuid('report_id'),
  ageBand: text('age_band').notNull(),
  isChild: boolean('is_child').notNull(),
  sex: text('sex').notNull(),
  nationality: text('nationality'),
  language: text('language'),
  answers: jsonb('answers').$type<Record<string, IndicatorAnswer>>().notNull(),
  suggestedOutcome: text('suggested_outcome').notNull(),
  suggestion: jsonb('suggestion').$type<Suggestion>().notNull(),
  outcome: text('outcome'),
  decisionStatus: text('decision_status').notNull().default('pending'),
  overrideReasonEnc: text('override_reason_enc'),
  decidedBy: uuid('decided_by'),
  decidedAt: timestamp('decided_at', { withTimezone: true }),
  caseId: uuid('case_id'),
  ownerAgencyId: uuid('owner_agency_id').notNull(),
  createdBy: uuid('created_by').notNull(),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
