import { boolean, customType, date, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

// Mirrors migrations/0002_cases.sql; the SQL file is the source of truth.

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

export const persons = pgTable('persons', {
  id: uuid('id').primaryKey().defaultRandom(),
  givenNameArEnc: text('given_name_ar_enc'),
  familyNameArEnc: text('family_name_ar_enc'),
  givenNameLatEnc: text('given_name_lat_enc'),
  familyNameLatEnc: text('family_name_lat_enc'),
  aliasesEnc: text('aliases_enc'),
  birthDateEnc: text('birth_date_enc'),
  birthYearEnc: text('birth_year_enc'),
  birthYearEstimated: boolean('birth_year_estimated').notNull().default(false),
  sex: text('sex').notNull().default('NonSpecifiedUnknown'),
  citizenships: text('citizenships').array().notNull().default([]),
  languages: text('languages').array().notNull().default([]),
  identityDocumentsEnc: text('identity_documents_enc'),
  contactEnc: text('contact_enc'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const personIndexKeys = pgTable(
  'person_index_keys',
  {
    personId: uuid('person_id').notNull(),
    kind: text('kind').notNull(),
    key: text('key').notNull(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.kind, t.key] })],
);

export const cases = pgTable('cases', {
  id: uuid('id').primaryKey().defaultRandom(),
  caseNumber: text('case_number').notNull(),
  personId: uuid('person_id').notNull(),
  status: text('status').notNull().default('Active'),
  ownerAgencyId: uuid('owner_agency_id').notNull(),
  caseManagerId: uuid('case_manager_id'),
  createdBy: uuid('created_by').notNull(),
  version: integer('version').notNull().default(1),
  sourceReportId: uuid('source_report_id'),
  sourceScreeningId: uuid('source_screening_id'),
  region: text('region'),
  province: text('province'),
  riskLevel: text('risk_level'),
  riskAssessmentEnc: text('risk_assessment_enc'),
  reflectionStart: date('reflection_start'),
  reflectionEnd: date('reflection_end'),
  reflectionAlertDays: integer('reflection_alert_days').notNull().default(7),
  nonPunishment: boolean('non_punishment').notNull().default(false),
  nonPunishmentGround: text('non_punishment_ground'),
  nonPunishmentNoteEnc: text('non_punishment_note_enc'),
  traffickingStatus: text('trafficking_status').notNull().default('possible'),
  statusDecidedBy: text('status_decided_by'),
  statusDecidedAt: date('status_decided_at'),
  ageWhenTrafficked: integer('age_when_trafficked'),
  relationshipToTrafficker: text('relationship_to_trafficker'),
  recruitmentMethods: text('recruitment_methods').array().notNull().default([]),
  recruitmentWebsites: text('recruitment_websites').array().notNull().default([]),
  exploitationWebsites: text('exploitation_websites').array().notNull().default([]),
  controlMethods: text('control_methods').array().notNull().default([]),
  exploitationForms: text('exploitation_forms').array().notNull().default([]),
  forcedLabourIndustry: text('forced_labour_industry'),
  sexExploitationTypes: text('sex_exploitation_types').array().notNull().default([]),
  traffickingScope: text('trafficking_scope'),
  migrantStatus: text('migrant_status'),
  closureReason: text('closure_reason'),
  closureNoteEnc: text('closure_note_enc'),
  closedAt: timestamp('closed_at', { withTimezone: true }),
  mergedIntoCaseId: uuid('merged_into_case_id'),
  openedAt: date('opened_at').notNull().defaultNow(),
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
  type: text('type').notNull(),
  country: text('country').notNull(),
  region: text('region'),
  city: text('city'),
  startDate: date('start_date'),
  endDate: date('end_date'),
  descriptionEnc: text('description_enc'),
  createdBy: uuid('created_by').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const caseNotes = pgTable('case_notes', {
  id: uuid('id').primaryKey().defaultRandom(),
  caseId: uuid('case_id').notNull(),
  bodyEnc: text('body_enc').notNull(),
  authorId: uuid('author_id').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const caseAttachments = pgTable('case_attachments', {
  id: uuid('id').primaryKey().defaultRandom(),
  caseId: uuid('case_id').notNull(),
  fileNameEnc: text('file_name_enc').notNull(),
  mediaType: text('media_type').notNull(),
  sizeBytes: integer('size_bytes').notNull(),
  contentEnc: bytea('content_enc').notNull(),
  uploadedBy: uuid('uploaded_by').notNull(),
  uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
});

export const caseConsents = pgTable('case_consents', {
  id: uuid('id').primaryKey().defaultRandom(),
  caseId: uuid('case_id').notNull(),
  type: text('type').notNull(),
  agencyId: uuid('agency_id'),
  method: text('method').notNull(),
  givenAt: timestamp('given_at', { withTimezone: true }).notNull(),
  recordedBy: uuid('recorded_by').notNull(),
  recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
  revokedBy: uuid('revoked_by'),
});

export const caseMergeRequests = pgTable('case_merge_requests', {
  id: uuid('id').primaryKey().defaultRandom(),
  sourceCaseId: uuid('source_case_id').notNull(),
  targetCaseId: uuid('target_case_id').notNull(),
  requestedBy: uuid('requested_by').notNull(),
  requestingAgencyId: uuid('requesting_agency_id').notNull(),
  status: text('status').notNull().default('pending'),
  decidedBy: uuid('decided_by'),
  decidedAt: timestamp('decided_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
