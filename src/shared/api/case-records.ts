import { z } from 'zod';
import { COUNTRY_CODES } from '../htcds/countries.js';
import { CONSENT_METHODS, CONSENT_TYPES, DUPLICATE_MATCH_REASONS, MERGE_REQUEST_STATUSES } from '../htcds/case.js';
import { GUARDIAN_RELATIONSHIPS } from '../htcds/guardian.js';
import { TRAFFICKING_EVENT_TYPES } from '../htcds/victim.js';
import { isoDate, isoDateTime, line, text } from './fields.js';

/**
 * A case's sub-resources as both sides see them: assignments, consents, notes,
 * trafficking events, attachments, duplicate candidates, merge requests and the
 * access history. Their routes are in `casesApi` (cases.ts).
 */

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
  /** For a consent a guardian gave for a child (method 'guardian'): who, and who they are to the child. */
  guardianName: z.string().nullable(),
  guardianRelationship: z.enum(GUARDIAN_RELATIONSHIPS).nullable(),
});
export type Consent = z.infer<typeof consent>;
export const giveConsentBody = z
  .object({
    type: z.enum(CONSENT_TYPES),
    agencyId: z.string().uuid().nullable().default(null),
    method: z.enum(CONSENT_METHODS),
    givenAt: isoDateTime.optional(),
    guardianName: line(200, 1).nullable().default(null),
    guardianRelationship: z.enum(GUARDIAN_RELATIONSHIPS).nullable().default(null),
  })
  .refine((c) => (c.type === 'share_with_organisation') === (c.agencyId !== null), { message: 'agencyId is required for, and only for, share_with_organisation', path: ['agencyId'] })
  // A guardian consenting for a child is named, with who they are to the child; nobody else is.
  .refine((c) => c.method === 'guardian' || c.guardianName === null, { message: 'guardianName is only for a guardian consent', path: ['guardianName'] })
  .refine((c) => c.method === 'guardian' || c.guardianRelationship === null, { message: 'guardianRelationship is only for a guardian consent', path: ['guardianRelationship'] })
  .refine((c) => c.method !== 'guardian' || c.guardianName !== null, { message: 'A guardian consent names the guardian', path: ['guardianName'] })
  .refine((c) => c.method !== 'guardian' || c.guardianRelationship !== null, { message: 'A guardian consent says who the guardian is to the child', path: ['guardianRelationship'] });

export const duplicateCandidate = z.object({
  caseId: z.string().uuid(),
  caseNumber: z.string(),
  ownerAgencyName: z.string(),
  /** Held by the caller's own agency: the warning must not say "other agencies" (the search covers all, own included). */
  ownAgency: z.boolean(),
  reasons: z.array(z.enum(DUPLICATE_MATCH_REASONS)),
  /** Whether the caller may open that case; identity is only given when true. */
  canRead: z.boolean(),
  displayName: z.string().nullable(),
});
export type DuplicateCandidate = z.infer<typeof duplicateCandidate>;


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
