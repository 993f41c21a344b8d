import { z } from 'zod';
import { ACTIONS } from '../actions.js';
import { REGION_CODES } from '../geo/regions.js';
import { COUNTRY_CODES } from '../htcds/countries.js';
import { LANGUAGE_CODES } from '../htcds/languages.js';
import { IDENTITY_DOCUMENT_TYPES, PRS_GENDERS } from '../htcds/person.js';
import { CASE_CLOSURE_REASONS, CASE_STATUSES, NON_PUNISHMENT_GROUNDS, RISK_LEVELS } from '../htcds/case.js';
import {
  CONTROL_METHODS, EXPLOITATION_FORMS, FORCED_LABOUR_INDUSTRIES, MIGRANT_STATUSES, RECRUITMENT_METHODS, RELATIONSHIPS_TO_TRAFFICKER, SEX_EXPLOITATION_TYPES,
  STATUS_DECISION_ORGS, TRAFFICKING_SCOPES, TRAFFICKING_STATUSES, WEBSITES_AND_APPS,
} from '../htcds/victim.js';
import {
  accessLogEntry, assignBody, attachment, attachmentUploadBody, caseAssignment, caseNote, consent, duplicateCandidate, eventBody, giveConsentBody, mergeRequest,
  mergeRequestBody, noteBody, traffickingEvent,
} from './case-records.js';
import { defineContract } from './contract.js';
import { isoDate, line, text, version } from './fields.js';
import { pageOf, pageQuery } from './pagination.js';
import { patchOf } from './patch.js';

// The sub-resource schemas live beside the case's own; importers keep one entry point.
export * from './case-records.js';

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

/** Columns the case list can be sorted by (always with the case number to break ties). */
export const CASE_SORTS = ['openedAt', 'caseNumber', 'status', 'region'] as const;
export type CaseSort = (typeof CASE_SORTS)[number];

/**
 * The case list's filters, shared by the list and its export. `q` is a case number, any part of a name
 * (Arabic or Latin script, matched across scripts), a document number or a phone number.
 */
export const caseListQuery = z.object({
  status: z.enum(CASE_STATUSES).optional(),
  region: z.enum(REGION_CODES).optional(),
  q: line(200, 1).optional(),
  includeMerged: z.enum(['true', 'false']).default('false'),
  openedFrom: isoDate.optional(),
  openedTo: isoDate.optional(),
  sort: z.enum(CASE_SORTS).default('openedAt'),
  order: z.enum(['asc', 'desc']).default('desc'),
});
export type CaseListFilters = z.output<typeof caseListQuery>;

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
  /** A child when the case was opened (statistical column; null when the age is unknown). */
  isMinor: z.boolean().nullable(),
  ownerAgencyName: z.string(),
  caseManagerName: z.string().nullable(),
  mergedIntoCaseId: z.string().uuid().nullable(),
  openedAt: z.string(),
});
export type CaseListItem = z.infer<typeof caseListItem>;

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
  /** A child when the case was opened (statistical column; null when the age is unknown). */
  isMinor: z.boolean().nullable(),
  assignments: z.array(caseAssignment),
  consents: z.array(consent),
  openedAt: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  allowedActions: z.array(z.enum(ACTIONS)),
});
export type CaseDetail = z.infer<typeof caseDetail>;

export const createCaseResponse = z.object({ case: caseDetail, duplicates: z.array(duplicateCandidate) });

export const caseIdParams = z.object({ id: z.string().uuid() });
/** A user the case may be assigned to: never more than their display name and agency. */
export const assignableUser = z.object({ userId: z.string().uuid(), displayName: z.string(), agencyId: z.string().uuid(), agencyName: z.string() });
export type AssignableUser = z.infer<typeof assignableUser>;
export const assignableUsersQuery = z.object({ q: line(120).optional() });
const assignmentParams = caseIdParams.extend({ userId: z.string().uuid() });
const consentParams = caseIdParams.extend({ consentId: z.string().uuid() });
const attachmentParams = caseIdParams.extend({ attachmentId: z.string().uuid() });
const mergeRequestParams = z.object({ requestId: z.string().uuid() });
const itemsOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });
const createdId = z.object({ id: z.string().uuid() });
const decided = z.object({ ok: z.literal(true) });

/** Victim cases: the case itself, its sub-resources, duplicates and merges (every path answers 404 outside the caller's scope). */
export const casesApi = {
  list: defineContract({ method: 'GET', path: '/api/cases', tag: 'cases', query: pageQuery.extend(caseListQuery.shape), response: pageOf(caseListItem) }),
  /**
   * The current filtered and sorted list as CSV (UTF-8 with a byte-order mark), streamed page by page.
   * A POST: an export is its own audited action, and the search term stays out of URLs and logs.
   */
  exportList: defineContract({
    method: 'POST',
    path: '/api/cases/export',
    tag: 'cases',
    body: caseListQuery,
    response: z.custom<{ pipe: unknown }>((value) => typeof value === 'object' && value !== null && 'pipe' in value),
  }),
  create: defineContract({ method: 'POST', path: '/api/cases', tag: 'cases', body: createCaseBody, response: createCaseResponse, status: 201 }),
  detail: defineContract({ method: 'GET', path: '/api/cases/:id', tag: 'cases', params: caseIdParams, response: caseDetail }),
  update: defineContract({ method: 'PATCH', path: '/api/cases/:id', tag: 'cases', params: caseIdParams, body: updateCaseBody, response: caseDetail }),
  accessLog: defineContract({ method: 'GET', path: '/api/cases/:id/access-log', tag: 'cases', params: caseIdParams, query: pageQuery, response: pageOf(accessLogEntry) }),

  assign: defineContract({
    method: 'POST',
    path: '/api/cases/:id/assignments',
    tag: 'cases',
    params: caseIdParams,
    body: assignBody,
    response: z.object({ assignments: z.array(caseAssignment) }),
  }),
  unassign: defineContract({ method: 'DELETE', path: '/api/cases/:id/assignments/:userId', tag: 'cases', params: assignmentParams, response: null, status: 204 }),
  /** Who may be assigned to the case (display name and agency only), owner agency first, searchable by name. */
  assignableUsers: defineContract({
    method: 'GET',
    path: '/api/cases/:id/assignable-users',
    tag: 'cases',
    params: caseIdParams,
    query: assignableUsersQuery,
    response: z.object({ items: z.array(assignableUser), more: z.boolean() }),
  }),
  notes: defineContract({ method: 'GET', path: '/api/cases/:id/notes', tag: 'cases', params: caseIdParams, response: itemsOf(caseNote) }),
  addNote: defineContract({ method: 'POST', path: '/api/cases/:id/notes', tag: 'cases', params: caseIdParams, body: noteBody, response: createdId, status: 201 }),
  events: defineContract({ method: 'GET', path: '/api/cases/:id/events', tag: 'cases', params: caseIdParams, response: itemsOf(traffickingEvent) }),
  addEvent: defineContract({ method: 'POST', path: '/api/cases/:id/events', tag: 'cases', params: caseIdParams, body: eventBody, response: createdId, status: 201 }),
  consents: defineContract({ method: 'GET', path: '/api/cases/:id/consents', tag: 'cases', params: caseIdParams, response: itemsOf(consent) }),
  giveConsent: defineContract({
    method: 'POST',
    path: '/api/cases/:id/consents',
    tag: 'cases',
    params: caseIdParams,
    body: giveConsentBody,
    response: itemsOf(consent),
    status: 201,
  }),
  revokeConsent: defineContract({ method: 'POST', path: '/api/cases/:id/consents/:consentId/revoke', tag: 'cases', params: consentParams, response: itemsOf(consent) }),
  attachments: defineContract({ method: 'GET', path: '/api/cases/:id/attachments', tag: 'cases', params: caseIdParams, response: itemsOf(attachment) }),
  addAttachment: defineContract({
    method: 'POST',
    path: '/api/cases/:id/attachments',
    tag: 'cases',
    params: caseIdParams,
    body: attachmentUploadBody,
    response: createdId,
    status: 201,
  }),
  /** The file's bytes (a download, not JSON): the web links to this path rather than calling it. */
  downloadAttachment: defineContract({
    method: 'GET',
    path: '/api/cases/:id/attachments/:attachmentId',
    tag: 'cases',
    params: attachmentParams,
    response: z.custom<Uint8Array>((value) => value instanceof Uint8Array),
  }),

  duplicates: defineContract({ method: 'GET', path: '/api/cases/:id/duplicates', tag: 'cases', params: caseIdParams, response: itemsOf(duplicateCandidate) }),
  mergeRequests: defineContract({ method: 'GET', path: '/api/cases/:id/merge-requests', tag: 'cases', params: caseIdParams, response: itemsOf(mergeRequest) }),
  requestMerge: defineContract({
    method: 'POST',
    path: '/api/cases/:id/merge-requests',
    tag: 'cases',
    params: caseIdParams,
    body: mergeRequestBody,
    response: itemsOf(mergeRequest),
    status: 201,
  }),
  /** The owner's work list: requests waiting for a decision on cases the caller can merge into. */
  mergeWorklist: defineContract({ method: 'GET', path: '/api/cases/merge-requests', tag: 'cases', response: itemsOf(mergeRequest) }),
  acceptMerge: defineContract({ method: 'POST', path: '/api/cases/merge-requests/:requestId/accept', tag: 'cases', params: mergeRequestParams, response: decided }),
  declineMerge: defineContract({ method: 'POST', path: '/api/cases/merge-requests/:requestId/decline', tag: 'cases', params: mergeRequestParams, response: decided }),
};
