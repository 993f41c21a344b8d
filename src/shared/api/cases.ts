import { z } from 'zod';
import { ACTIONS } from '../actions.js';
import { REGION_CODES } from '../geo/regions.js';
import { COUNTRY_CODES } from '../htcds/countries.js';
import { LANGUAGE_CODES } from '../htcds/languages.js';
import { IDENTITY_DOCUMENT_TYPES, PRS_GENDERS } from '../htcds/person.js';
import {
  CASE_CLOSURE_REASONS, CASE_STATUSES, CONSENT_METHODS, CONSENT_TYPES, DUPLICATE_MATCH_REASONS, MERGE_REQUEST_STATUSES, NON_PUNISHMENT_GROUNDS, RISK_LEVELS,
} from '../htcds/case.js';
import {
  CONTROL_METHODS, EXPLOITATION_FORMS, FORCED_LABOUR_INDUSTRIES, MIGRANT_STATUSES, RECRUITMENT_METHODS, RELATIONSHIPS_TO_TRAFFICKER, SEX_EXPLOITATION_TYPES,
  STATUS_DECISION_ORGS, TRAFFICKING_EVENT_TYPES, TRAFFICKING_SCOPES, TRAFFICKING_STATUSES, WEBSITES_AND_APPS,
} from '../htcds/victim.js';
import { isoDate, isoDateTime, line, text, version } from './fields.js';
import { patchOf } from './patch.js';

const name = line(120, 1);
const codes = <T extends readonly [string, ...string[]]>(values: T) => z.array(z.enum(values)).max(values.length).default([]);
const currentYear = new Date().getUTCFullYear();

export const identityDocument = z.object({
  type: z.enum(IDENTITY_DOCUMENT_TYPES),
  number: line(60, 1),
  issuingCountry: z.enum(COUNTRY_CODES).nullable().default(null),
});

export const personContact = z.object({
  phone: line(40).nullable().default(null),
  email: line(200).nullable().default(null),
  address: text(500).nullable().default(null),
});

/** A person's identity (HTCDS prs_) as entered; every identifying field is encrypted at rest. */
export const personInput = z.object({
  givenNameAr: name.nullable().default(null),
  familyNameAr: name.nullable().default(null),
  givenNameLatin: name.nullable().default(null),
  familyNameLatin: name.nullable().default(null),
  aliases: z.array(name).max(10).default([]),
  birthDate: isoDate.nullable().default(null),
  birthYear: z.number().int().min(1900).max(currentYear).nullable().default(null),
  birthYearEstimated: z.boolean().default(false),
  sex: z.enum(PRS_GENDERS).default('NonSpecifiedUnknown'),
  citizenships: codes(COUNTRY_CODES),
  languages: codes(LANGUAGE_CODES),
  identityDocuments: z.array(identityDocument).max(10).default([]),
  contact: personContact.default({ phone: null, email: null, address: null }),
});
export type PersonInput = z.infer<typeof personInput>;
/** A person's identity as stored and shown: not re-validated on the way out, so a value stored before a rule existed still opens. */
export const person = personInput.extend({
  givenNameAr: z.string().nullable(),
  familyNameAr: z.string().nullable(),
  givenNameLatin: z.string().nullable(),
  familyNameLatin: z.string().nullable(),
  aliases: z.array(z.string()),
  birthDate: z.string().nullable(),
  birthYear: z.number().int().nullable(),
  identityDocuments: z.array(identityDocument.extend({ number: z.string() })),
  contact: z.object({ phone: z.string().nullable(), email: z.string().nullable(), address: z.string().nullable() }),
});
export type Person = z.infer<typeof person>;

/** The victim-context (vic_) and case (cas_) fields a user edits. */
const caseFields = z.object({
  region: z.enum(REGION_CODES).nullable(),
  province: z.string().regex(/^MA-[A-Z]{3}$/).nullable(),
  riskLevel: z.enum(RISK_LEVELS).nullable(),
  riskAssessment: text(5000).nullable(),
  reflectionStart: isoDate.nullable(),
  reflectionEnd: isoDate.nullable(),
  reflectionAlertDays: z.number().int().min(0).max(90),
  nonPunishment: z.boolean(),
  nonPunishmentGround: z.enum(NON_PUNISHMENT_GROUNDS).nullable(),
  nonPunishmentNote: text(5000).nullable(),
  traffickingStatus: z.enum(TRAFFICKING_STATUSES),
  statusDecidedBy: z.enum(STATUS_DECISION_ORGS).nullable(),
  statusDecidedAt: isoDate.nullable(),
  ageWhenTrafficked: z.number().int().min(0).max(120).nullable(),
  relationshipToTrafficker: z.enum(RELATIONSHIPS_TO_TRAFFICKER).nullable(),
  recruitmentMethods: z.array(z.enum(RECRUITMENT_METHODS)),
  recruitmentWebsites: z.array(z.enum(WEBSITES_AND_APPS)),
  exploitationWebsites: z.array(z.enum(WEBSITES_AND_APPS)),
  controlMethods: z.array(z.enum(CONTROL_METHODS)),
  exploitationForms: z.array(z.enum(EXPLOITATION_FORMS)),
  forcedLabourIndustry: z.enum(FORCED_LABOUR_INDUSTRIES).nullable(),
  sexExploitationTypes: z.array(z.enum(SEX_EXPLOITATION_TYPES)),
  traffickingScope: z.enum(TRAFFICKING_SCOPES).nullable(),
  migrantStatus: z.enum(MIGRANT_STATUSES).nullable(),
  caseManagerId: z.string().uuid().nullable(),
});

/** Values of the fields a new case leaves out. */
export const CASE_FIELD_DEFAULTS: z.infer<typeof caseFields> = {
  region: null, province: null, riskLevel: null, riskAssessment: null, reflectionStart: null, reflectionEnd: null, reflectionAlertDays: 7,
  nonPunishment: false, nonPunishmentGround: null, nonPunishmentNote: null, traffickingStatus: 'possible', statusDecidedBy: null, statusDecidedAt: null,
  ageWhenTrafficked: null, relationshipToTrafficker: null, recruitmentMethods: [], recruitmentWebsites: [], exploitationWebsites: [], controlMethods: [],
  exploitationForms: [], forcedLabourIndustry: null, sexExploitationTypes: [], traffickingScope: null, migrantStatus: null, caseManagerId: null,
};

/** POST /api/cases: open a case for a person (duplicate candidates come back with it). */
export const createCaseBody = caseFields.partial().extend({
  person: personInput,
  openedAt: isoDate.optional(),
  sourceReportId: z.string().uuid().nullable().optional(),
  sourceScreeningId: z.string().uuid().nullable().optional(),
});
/** What a caller passes (defaults not yet applied). */
export type CreateCaseInput = z.input<typeof createCaseBody>;

/**
 * PATCH /api/cases/:id: any subset of fields at any level (the person's too), with the version
 * the client last read. A field not sent keeps its value; null clears it.
 */
export const updateCaseBody = patchOf(
  caseFields.extend({
    status: z.enum(CASE_STATUSES),
    closureReason: z.enum(CASE_CLOSURE_REASONS).nullable(),
    closureNote: text(5000).nullable(),
    person: personInput,
  }),
).extend({ version: version() });
export type UpdateCaseInput = z.infer<typeof updateCaseBody>;
export type PersonPatch = NonNullable<UpdateCaseInput['person']>;

export const caseListQuery = z.object({
  status: z.enum(CASE_STATUSES).optional(),
  region: z.enum(REGION_CODES).optional(),
  q: line(200, 1).optional(),
  includeMerged: z.enum(['true', 'false']).default('false'),
});

export const caseListItem = z.object({
  id: z.string().uuid(),
  caseNumber: z.string(),
  status: z.enum(CASE_STATUSES),
  traffickingStatus: z.enum(TRAFFICKING_STATUSES),
  displayName: z.string().nullable(),
  region: z.string().nullable(),
  exploitationForms: z.array(z.string()),
  riskLevel: z.string().nullable(),
  nonPunishment: z.boolean(),
  reflectionEnd: z.string().nullable(),
  ownerAgencyName: z.string(),
  caseManagerName: z.string().nullable(),
  mergedIntoCaseId: z.string().uuid().nullable(),
  openedAt: z.string(),
});
export type CaseListItem = z.infer<typeof caseListItem>;

export const caseAssignment = z.object({ userId: z.string().uuid(), displayName: z.string(), agencyName: z.string(), assignedAt: z.string() });

export const consent = z.object({
  id: z.string().uuid(),
  type: z.enum(CONSENT_TYPES),
  agencyId: z.string().uuid().nullable(),
  agencyName: z.string().nullable(),
  method: z.enum(CONSENT_METHODS),
  givenAt: z.string(),
  recordedByName: z.string(),
  revokedAt: z.string().nullable(),
});
export type Consent = z.infer<typeof consent>;
export const giveConsentBody = z
  .object({
    type: z.enum(CONSENT_TYPES),
    agencyId: z.string().uuid().nullable().default(null),
    method: z.enum(CONSENT_METHODS),
    givenAt: isoDateTime.optional(),
  })
  .refine((c) => (c.type === 'share_with_organisation') === (c.agencyId !== null), { message: 'agencyId is required for, and only for, share_with_organisation', path: ['agencyId'] });

/** The case as shown: dates and texts as stored (not re-validated on the way out, so old values still open). */
export const caseDetail = caseFields.extend({
  riskAssessment: z.string().nullable(),
  reflectionStart: z.string().nullable(),
  reflectionEnd: z.string().nullable(),
  nonPunishmentNote: z.string().nullable(),
  statusDecidedAt: z.string().nullable(),
  id: z.string().uuid(),
  caseNumber: z.string(),
  version: z.number().int(),
  status: z.enum(CASE_STATUSES),
  person,
  ownerAgencyId: z.string().uuid(),
  ownerAgencyName: z.string(),
  caseManagerName: z.string().nullable(),
  createdByName: z.string(),
  closureReason: z.enum(CASE_CLOSURE_REASONS).nullable(),
  closureNote: z.string().nullable(),
  closedAt: z.string().nullable(),
  mergedIntoCaseId: z.string().uuid().nullable(),
  sourceReportId: z.string().uuid().nullable(),
  sourceScreeningId: z.string().uuid().nullable(),
  /** True when the reflection period ends within its alert window (or has ended while the case is open). */
  reflectionEndingSoon: z.boolean(),
  assignments: z.array(caseAssignment),
  consents: z.array(consent),
  openedAt: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  allowedActions: z.array(z.enum(ACTIONS)),
});
export type CaseDetail = z.infer<typeof caseDetail>;

export const duplicateCandidate = z.object({
  caseId: z.string().uuid(),
  caseNumber: z.string(),
  ownerAgencyName: z.string(),
  reasons: z.array(z.enum(DUPLICATE_MATCH_REASONS)),
  /** Whether the caller may open that case; identity is only given when true. */
  canRead: z.boolean(),
  displayName: z.string().nullable(),
});
export type DuplicateCandidate = z.infer<typeof duplicateCandidate>;
export const createCaseResponse = z.object({ case: caseDetail, duplicates: z.array(duplicateCandidate) });

export const assignBody = z.object({ userId: z.string().uuid() });

export const caseNote = z.object({ id: z.string().uuid(), body: z.string(), authorName: z.string(), createdAt: z.string() });
export const noteBody = z.object({ body: text(20000, 1) });

export const traffickingEvent = z.object({
  id: z.string().uuid(),
  type: z.enum(TRAFFICKING_EVENT_TYPES),
  country: z.enum(COUNTRY_CODES),
  region: z.string().nullable(),
  city: z.string().nullable(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  description: z.string().nullable(),
});
export const eventBody = traffickingEvent.omit({ id: true }).extend({
  region: line(20).nullable().default(null),
  city: line(120).nullable().default(null),
  startDate: isoDate.nullable().default(null),
  endDate: isoDate.nullable().default(null),
  description: text(5000).nullable().default(null),
});

export const attachment = z.object({ id: z.string().uuid(), fileName: z.string(), mediaType: z.string(), sizeBytes: z.number().int(), uploadedByName: z.string(), uploadedAt: z.string() });
export const attachmentUploadBody = z.object({
  fileName: line(200, 1),
  /** The file, base64-encoded; its type is recognised from its first bytes. */
  contentBase64: z.string().min(1).regex(/^[A-Za-z0-9+/=\s]+$/),
});

export const mergeRequestBody = z.object({ targetCaseId: z.string().uuid() });
export const mergeRequest = z.object({
  id: z.string().uuid(),
  sourceCaseId: z.string().uuid(),
  sourceCaseNumber: z.string(),
  targetCaseId: z.string().uuid(),
  targetCaseNumber: z.string(),
  requestingAgencyName: z.string(),
  status: z.enum(MERGE_REQUEST_STATUSES),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
  /** Whether the caller may accept or decline it (they can work the target case). */
  canDecide: z.boolean(),
});

export const accessLogEntry = z.object({
  id: z.string(),
  occurredAt: z.string(),
  actorUsername: z.string().nullable(),
  actorRole: z.string().nullable(),
  agencyName: z.string().nullable(),
  action: z.string(),
  outcome: z.string(),
});
