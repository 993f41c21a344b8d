import { boolean, date, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { IndicatorAnswer, LocalisedText, Suggestion, Thresholds } from '@shared/api/screening.js';
import { encryptedText } from '../../crypto/encrypted-columns.js';
import {
  AGE_BANDS, DECISION_STATUSES, INDICATOR_CATEGORIES, PALERMO_ELEMENTS, SCREENING_CONTEXTS, SCREENING_OUTCOMES, VULNERABLE_GROUPS,
} from '@shared/api/screening.js';
import { REGION_CODES } from '@shared/geo/regions.js';
import { COUNTRY_CODES } from '@shared/htcds/countries.js';
import { LANGUAGE_CODES } from '@shared/htcds/languages.js';
import { PRS_GENDERS } from '@shared/htcds/person.js';
import { EXPLOITATION_FORMS } from '@shared/htcds/victim.js';
import { PROVINCE_CODES } from './codes.js';

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
    category: text('category', { enum: INDICATOR_CATEGORIES }).notNull(),
    element: text('element', { enum: PALERMO_ELEMENTS }).notNull(),
    form: text('form', { enum: EXPLOITATION_FORMS }),
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
  context: text('context', { enum: SCREENING_CONTEXTS }).notNull(),
  campaignName: text('campaign_name'),
  vulnerableGroup: text('vulnerable_group', { enum: VULNERABLE_GROUPS }),
  place: text('place'),
  region: text('region', { enum: REGION_CODES }),
  province: text('province', { enum: PROVINCE_CODES }),
  screenedOn: date('screened_on').notNull(),
  reportId: uuid('report_id'),
  ageBand: text('age_band', { enum: AGE_BANDS }).notNull(),
  isChild: boolean('is_child').notNull(),
  sex: text('sex', { enum: PRS_GENDERS }).notNull(),
  nationality: text('nationality', { enum: COUNTRY_CODES }),
  language: text('language', { enum: LANGUAGE_CODES }),
  answers: jsonb('answers').$type<Record<string, IndicatorAnswer>>().notNull(),
  suggestedOutcome: text('suggested_outcome', { enum: SCREENING_OUTCOMES }).notNull(),
  suggestion: jsonb('suggestion').$type<Suggestion>().notNull(),
  outcome: text('outcome', { enum: SCREENING_OUTCOMES }),
  decisionStatus: text('decision_status', { enum: DECISION_STATUSES }).notNull().default('pending'),
  overrideReasonEnc: encryptedText('override_reason_enc'),
  decidedBy: uuid('decided_by'),
  decidedAt: timestamp('decided_at', { withTimezone: true }),
  caseId: uuid('case_id'),
  ownerAgencyId: uuid('owner_agency_id').notNull(),
  createdBy: uuid('created_by').notNull(),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
