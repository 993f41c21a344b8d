import { boolean, date, integer, pgTable, primaryKey, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { encryptedBytes, encryptedText } from '../../crypto/encrypted-columns.js';
import { ATTACHMENT_MEDIA_TYPES, CASE_CLOSURE_REASONS, CASE_STATUSES, CONSENT_METHODS, CONSENT_TYPES, MERGE_REQUEST_STATUSES, NON_PUNISHMENT_GROUNDS, RISK_LEVELS } from '@shared/htcds/case.js';
import { CTDC_AGE_BANDS } from '@shared/htcds/age-bands.js';
import { COUNTRY_CODES } from '@shared/htcds/countries.js';
import { LANGUAGE_CODES } from '@shared/htcds/languages.js';
import { PRS_GENDERS } from '@shared/htcds/person.js';
import {
  CONTROL_METHODS, EXPLOITATION_FORMS, FORCED_LABOUR_INDUSTRIES, MIGRANT_STATUSES, RECRUITMENT_METHODS, RELATIONSHIPS_TO_TRAFFICKER, SEX_EXPLOITATION_TYPES,
  STATUS_DECISION_ORGS, TRAFFICKING_EVENT_TYPES, TRAFFICKING_SCOPES, TRAFFICKING_STATUSES, WEBSITES_AND_APPS,
} from '@shared/htcds/victim.js';
import { GUARDIAN_RELATIONSHIPS } from '@shared/htcds/guardian.js';
import { REGION_CODES } from '@shared/geo/regions.js';
import { PERSON_INDEX_KEY_KINDS, PROVINCE_CODES } from './codes.js';

// Mirrors migrations/0002_cases.sql; the SQL file is the source of truth.

export const persons = pgTable('persons', {
  id: uuid('id').primaryKey().defaultRandom(),
  givenNameArEnc: encryptedText('given_name_ar_enc'),
  familyNameArEnc: encryptedText('family_name_ar_enc'),
  givenNameLatEnc: encryptedText('given_name_lat_enc'),
  familyNameLatEnc: encryptedText('family_name_lat_enc'),
  aliasesEnc: encryptedText('aliases_enc'),
  birthDateEnc: encryptedText('birth_date_enc'),
  birthYearEnc: encryptedText('birth_year_enc'),
  birthYearEstimated: boolean('birth_year_estimated').notNull().default(false),
  sex: text('sex', { enum: PRS_GENDERS }).notNull().default('NonSpecifiedUnknown'),
  // Checked against the countries reference table (migration 0011), which may become a deployment setting.
  citizenships: text('citizenships', { enum: COUNTRY_CODES }).array().notNull().default([]),
  languages: text('languages', { enum: LANGUAGE_CODES }).array().notNull().default([]),
  identityDocumentsEnc: encryptedText('identity_documents_enc'),
  contactEnc: encryptedText('contact_enc'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  // The blind-index scheme the person's keys were derived with (migration 0015, cases/person-reindex.ts).
  indexVersion: smallint('index_version').notNull().default(0),
});

export const personIndexKeys = pgTable(
  'person_index_keys',
  {
    personId: uuid('person_id').notNull(),
    kind: text('kind', { enum: PERSON_INDEX_KEY_KINDS }).notNull(),
    key: text('key').notNull(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.kind, t.key] })],
);

export const cases = pgTable('cases', {
  id: uuid('id').primaryKey().defaultRandom(),
  caseNumber: text('case_number').notNull(),
  personId: uuid('person_id').notNull(),
  status: text('status', { enum: CASE_STATUSES }).notNull().default('Active'),
  ownerAgencyId: uuid('owner_agency_id').notNull(),
  caseManagerId: uuid('case_manager_id'),
  createdBy: uuid('created_by').notNull(),
  version: integer('version').notNull().default(1),
  sourceReportId: uuid('source_report_id'),
  sourceScreeningId: uuid('source_screening_id'),
  region: text('region', { enum: REGION_CODES }),
  province: text('province', { enum: PROVINCE_CODES }),
  riskLevel: text('risk_level', { enum: RISK_LEVELS }),
  riskAssessmentEnc: encryptedText('risk_assessment_enc'),
  reflectionStart: date('reflection_start'),
  reflectionEnd: date('reflection_end'),
  reflectionAlertDays: integer('reflection_alert_days').notNull().default(7),
  nonPunishment: boolean('non_punishment').notNull().default(false),
  nonPunishmentGround: text('non_punishment_ground', { enum: NON_PUNISHMENT_GROUNDS }),
  nonPunishmentNoteEnc: encryptedText('non_punishment_note_enc'),
  traffickingStatus: text('trafficking_status', { enum: TRAFFICKING_STATUSES }).notNull().default('possible'),
  statusDecidedBy: text('status_decided_by', { enum: STATUS_DECISION_ORGS }),
  statusDecidedAt: date('status_decided_at'),
  ageWhenTrafficked: integer('age_when_trafficked'),
  relationshipToTrafficker: text('relationship_to_trafficker', { enum: RELATIONSHIPS_TO_TRAFFICKER }),
  recruitmentMethods: text('recruitment_methods', { enum: RECRUITMENT_METHODS }).array().notNull().default([]),
  recruitmentWebsites: text('recruitment_websites', { enum: WEBSITES_AND_APPS }).array().notNull().default([]),
  exploitationWebsites: text('exploitation_websites', { enum: WEBSITES_AND_APPS }).array().notNull().default([]),
  controlMethods: text('control_methods', { enum: CONTROL_METHODS }).array().notNull().default([]),
  exploitationForms: text('exploitation_forms', { enum: EXPLOITATION_FORMS }).array().notNull().default([]),
  forcedLabourIndustry: text('forced_labour_industry', { enum: FORCED_LABOUR_INDUSTRIES }),
  sexExploitationTypes: text('sex_exploitation_types', { enum: SEX_EXPLOITATION_TYPES }).array().notNull().default([]),
  traffickingScope: text('trafficking_scope', { enum: TRAFFICKING_SCOPES }),
  migrantStatus: text('migrant_status', { enum: MIGRANT_STATUSES }),
  closureReason: text('closure_reason', { enum: CASE_CLOSURE_REASONS }),
  closureNoteEnc: encryptedText('closure_note_enc'),
  closedAt: timestamp('closed_at', { withTimezone: true }),
  mergedIntoCaseId: uuid('merged_into_case_id'),
  openedAt: date('opened_at').notNull().defaultNow(),
  // Plain statistical columns derived when the case is written (src/server/cases/statistical-columns.ts).
  ageBand: text('age_band', { enum: CTDC_AGE_BANDS }),
  isMinor: boolean('is_minor'),
  identificationYear: integer('identification_year'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const caseAssignments = pgTable(
  'case_assignments',
  {
    caseId: uuid('case_id').notNull(),
    userId: uuid('user_id').notNull(),
    assignedBy: uuid('assigned_by').notNull(),
    assignedAt: timestamp('assigned_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.userId] })],
);

export const traffickingEvents = pgTable('trafficking_events', {
  id: uuid('id').primaryKey().defaultRandom(),
  caseId: uuid('case_id').notNull(),
  type: text('type', { enum: TRAFFICKING_EVENT_TYPES }).notNull(),
  country: text('country', { enum: COUNTRY_CODES }).notNull(),
  region: text('region'),
  city: text('city'),
  startDate: date('start_date'),
  endDate: date('end_date'),
  descriptionEnc: encryptedText('description_enc'),
  createdBy: uuid('created_by').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const caseNotes = pgTable('case_notes', {
  id: uuid('id').primaryKey().defaultRandom(),
  caseId: uuid('case_id').notNull(),
  bodyEnc: encryptedText('body_enc').notNull(),
  authorId: uuid('author_id').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const caseAttachments = pgTable('case_attachments', {
  id: uuid('id').primaryKey().defaultRandom(),
  caseId: uuid('case_id').notNull(),
  fileNameEnc: encryptedText('file_name_enc').notNull(),
  mediaType: text('media_type', { enum: ATTACHMENT_MEDIA_TYPES }).notNull(),
  sizeBytes: integer('size_bytes').notNull(),
  contentEnc: encryptedBytes('content_enc').notNull(),
  uploadedBy: uuid('uploaded_by').notNull(),
  uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
});

export const caseConsents = pgTable('case_consents', {
  id: uuid('id').primaryKey().defaultRandom(),
  caseId: uuid('case_id').notNull(),
  type: text('type', { enum: CONSENT_TYPES }).notNull(),
  agencyId: uuid('agency_id'),
  method: text('method', { enum: CONSENT_METHODS }).notNull(),
  givenAt: timestamp('given_at', { withTimezone: true }).notNull(),
  recordedBy: uuid('recorded_by').notNull(),
  recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
  revokedBy: uuid('revoked_by'),
  // migrations/0014_guardian_consent.sql: only for method 'guardian'
  guardianNameEnc: encryptedText('guardian_name_enc'),
  guardianRelationship: text('guardian_relationship', { enum: GUARDIAN_RELATIONSHIPS }),
});

export const caseMergeRequests = pgTable('case_merge_requests', {
  id: uuid('id').primaryKey().defaultRandom(),
  sourceCaseId: uuid('source_case_id').notNull(),
  targetCaseId: uuid('target_case_id').notNull(),
  requestedBy: uuid('requested_by').notNull(),
  requestingAgencyId: uuid('requesting_agency_id').notNull(),
  status: text('status', { enum: MERGE_REQUEST_STATUSES }).notNull().default('pending'),
  decidedBy: uuid('decided_by'),
  decidedAt: timestamp('decided_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
