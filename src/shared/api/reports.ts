import { z } from 'zod';
import { REGION_CODES } from '../geo/regions.js';
import { EXPLOITATION_FORMS } from '../htcds/victim.js';
import { LANGUAGE_CODES } from '../htcds/languages.js';
import { defineContract } from './contract.js';
import { isoDateTime, line, text, version } from './fields.js';
import { pageOf, pageQuery } from './pagination.js';
import { patchOf } from './patch.js';

/** What a report is about. Non-case contacts are recorded too, so hotline figures count every call. */
export const REPORT_KINDS = ['trafficking_suspicion', 'smuggling_suspicion', 'information_request', 'out_of_scope'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

/** How the report reached the mechanism. */
export const REPORT_CHANNELS = ['hotline_call', 'online_form', 'walk_in', 'agency_referral', 'email', 'other'] as const;
export type ReportChannel = (typeof REPORT_CHANNELS)[number];

/** Who called or wrote. */
export const CALLER_TYPES = ['victim', 'relative', 'witness', 'professional', 'anonymous'] as const;

/** Urgency, most urgent first (the work list sorts by this order). */
export const REPORT_URGENCIES = ['immediate_danger', 'urgent', 'standard'] as const;
export type ReportUrgency = (typeof REPORT_URGENCIES)[number];

/**
 * The report lifecycle: new → triaged → dispatched / screening_requested →
 * closed (with a reason) or linked to one or more cases.
 */
export const REPORT_STATUSES = ['new', 'triaged', 'dispatched', 'screening_requested', 'linked', 'closed'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** Statuses still on the hotline's work list. */
export const OPEN_REPORT_STATUSES: readonly ReportStatus[] = ['new', 'triaged', 'dispatched', 'screening_requested'];

/** Why a report was closed without (or after) a case. */
export const REPORT_CLOSURE_REASONS = [
  'information_provided',
  'referred_elsewhere',
  'no_trafficking_indicators',
  'smuggling_not_trafficking',
  'insufficient_information',
  'duplicate',
  'unreachable',
  'false_report',
  'handled_by_case',
  'other',
] as const;

/** Why a report was sent to an agency: an emergency (law enforcement) or a screening interview. */
export const DISPATCH_PURPOSES = ['emergency', 'screening'] as const;

/**
 * Agency types a report can be dispatched to, for an emergency or a screening
 * interview: law-enforcement units only (never a shelter, a ministry's
 * statistics office or the commission).
 */
export const LAW_ENFORCEMENT_AGENCY_TYPES = ['Police', 'Gendarmerie', 'LawEnforcement'] as const;

/** Longest narrative the public form accepts (characters). */
export const PUBLIC_NARRATIVE_MAX = 5000;
/** Longest narrative a hotline operator may record (characters). */
export const HOTLINE_NARRATIVE_MAX = 20000;
/** Longest contact a reporter may leave. */
export const CONTACT_MAX = 300;
/** Longest addition to a public report. */
export const ADDITION_MAX = 5000;

/** Receipt codes: three groups of three, from an alphabet without look-alikes (0/O, 1/I/L). */
export const RECEIPT_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const RECEIPT_PATTERN = /^[2-9A-HJKMNP-Z]{3}-?[2-9A-HJKMNP-Z]{3}-?[2-9A-HJKMNP-Z]{3}$/;

const region = z.enum(REGION_CODES);
const exploitationForms = z
  .array(z.enum(EXPLOITATION_FORMS))
  .max(EXPLOITATION_FORMS.length)
  .refine((forms) => new Set(forms).size === forms.length, { message: 'duplicate' });
const optionalText = (max: number) => text(max).nullable().optional();
const optionalLine = (max: number) => line(max).nullable().optional();

/** A report recorded by a hotline operator (call, walk-in, e-mail, agency referral). */
export const createReportBody = z.object({
  kind: z.enum(REPORT_KINDS),
  channel: z.enum(REPORT_CHANNELS),
  receivedAt: isoDateTime.refine((value) => !(Date.parse(value) > Date.now() + 5 * 60_000), { message: 'in_the_future' }).optional(),
  callerType: z.enum(CALLER_TYPES).nullable().optional(),
  language: z.enum(LANGUAGE_CODES).nullable().optional(),
  region: region.nullable().optional(),
  province: optionalLine(100),
  narrative: optionalText(HOTLINE_NARRATIVE_MAX),
  exploitationForms: exploitationForms.default([]),
  peopleAtRisk: z.number().int().min(0).max(10000).nullable().optional(),
  minorsInvolved: z.boolean().nullable().optional(),
  urgency: z.enum(REPORT_URGENCIES),
  reporterContact: optionalText(CONTACT_MAX),
  /** Law-enforcement agency for an immediate-danger report; by default the first one in the report's region. */
  dispatchAgencyId: z.string().uuid().optional(),
});
export type CreateReportBody = z.infer<typeof createReportBody>;

/** Corrections to a report (a field not sent is kept); `version` guards against overwriting someone else's change. */
export const updateReportBody = patchOf(createReportBody.omit({ dispatchAgencyId: true, channel: true })).extend({ version: version() });
export type UpdateReportBody = z.infer<typeof updateReportBody>;

/** Triage confirms what the report is about and how urgent it is. */
export const triageReportBody = z.object({
  version: version(),
  kind: z.enum(REPORT_KINDS),
  urgency: z.enum(REPORT_URGENCIES),
  exploitationForms: exploitationForms.optional(),
  /** Where an emergency goes when urgency is immediate danger (default: first law-enforcement agency in the region). */
  dispatchAgencyId: z.string().uuid().optional(),
});

/** Sends the report to an agency (emergency response or a screening interview). */
export const dispatchReportBody = z.object({
  version: version(),
  purpose: z.enum(DISPATCH_PURPOSES),
  agencyId: z.string().uuid().optional(),
});

export const closeReportBody = z.object({
  version: version(),
  reason: z.enum(REPORT_CLOSURE_REASONS),
});

export const linkCaseBody = z.object({ caseId: z.string().uuid() });

/** Longest search text for a report's reference or receipt code. */
export const REPORT_SEARCH_MAX = 40;
export const reportListQuery = z.object({
  status: z.union([z.enum(REPORT_STATUSES), z.literal('open')]).optional(),
  /**
   * A report's reference (`R-2026-000123`, or any part of it such as `000123`)
   * or the receipt code the public reporter was given (`R7K-4QX-9MZ`, whole).
   */
  q: line(REPORT_SEARCH_MAX, 1).optional(),
  urgency: z.enum(REPORT_URGENCIES).optional(),
  kind: z.enum(REPORT_KINDS).optional(),
  region: region.optional(),
});

export const reportSummary = z.object({
  id: z.string().uuid(),
  reference: z.string(),
  kind: z.enum(REPORT_KINDS),
  channel: z.enum(REPORT_CHANNELS),
  status: z.enum(REPORT_STATUSES),
  urgency: z.enum(REPORT_URGENCIES),
  receivedAt: z.string(),
  region: region.nullable(),
  province: z.string().nullable(),
  exploitationForms: z.array(z.enum(EXPLOITATION_FORMS)),
  peopleAtRisk: z.number().int().nullable(),
  minorsInvolved: z.boolean().nullable(),
  /** True while an emergency dispatch waits for its acknowledgement. */
  awaitingAcknowledgement: z.boolean(),
  version: z.number().int(),
});
export type ReportSummary = z.infer<typeof reportSummary>;

export const reportDispatch = z.object({
  id: z.string().uuid(),
  purpose: z.enum(DISPATCH_PURPOSES),
  agencyId: z.string().uuid(),
  agencyName: z.string(),
  dispatchedAt: z.string(),
  acknowledgedAt: z.string().nullable(),
  acknowledgedByName: z.string().nullable(),
  allowedActions: z.array(z.string()),
});
export type ReportDispatch = z.infer<typeof reportDispatch>;

export const reportAddition = z.object({ id: z.string().uuid(), receivedAt: z.string(), text: z.string() });

export const reportDetail = reportSummary.extend({
  callerType: z.enum(CALLER_TYPES).nullable(),
  language: z.string().nullable(),
  narrative: z.string().nullable(),
  /**
   * How to reach the reporter: the hotline, and the unit an emergency was
   * dispatched to (each of its reads audited as report.contactViewed); null
   * for everyone else, whose anonymity protects the reporter.
   */
  reporterContact: z.string().nullable(),
  closureReason: z.enum(REPORT_CLOSURE_REASONS).nullable(),
  closedAt: z.string().nullable(),
  /**
   * When the retention rule erased the report's personal content (narrative,
   * contact, place, additions, receipt code): null while it is kept.
   */
  erasedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  dispatches: z.array(reportDispatch),
  additions: z.array(reportAddition),
  /** Cases opened from this report, by number (the case itself opens only for those who may read it). */
  linkedCases: z.array(z.object({ id: z.string().uuid(), caseNumber: z.string() })),
  allowedActions: z.array(z.string()),
});
export type ReportDetail = z.infer<typeof reportDetail>;

/** The public form (no login): strict, bounded, unknown fields refused. */
export const publicReportBody = z.strictObject({
  narrative: text(PUBLIC_NARRATIVE_MAX, 20),
  exploitationForms: exploitationForms.default([]),
  region: region.nullable().optional(),
  province: optionalLine(100),
  peopleAtRisk: z.number().int().min(0).max(1000).nullable().optional(),
  minorsInvolved: z.boolean().nullable().optional(),
  immediateDanger: z.boolean().default(false),
  callerType: z.enum(CALLER_TYPES).nullable().optional(),
  language: z.enum(LANGUAGE_CODES).nullable().optional(),
  contact: optionalText(CONTACT_MAX),
});
export type PublicReportBody = z.infer<typeof publicReportBody>;

export const publicReportReceipt = z.object({ receiptCode: z.string() });

export const publicAdditionBody = z.strictObject({
  receiptCode: z.string().trim().toUpperCase().regex(RECEIPT_PATTERN),
  text: text(ADDITION_MAX, 1),
});

export const publicAdditionAnswer = z.object({ ok: z.literal(true) });

/** A law-enforcement unit the hotline can send a report to (names and types only: not sensitive). */
export const dispatchTarget = z.object({
  id: z.string().uuid(),
  name: z.string(),
  type: z.enum(LAW_ENFORCEMENT_AGENCY_TYPES),
  region: z.string().nullable(),
});
/**
 * What the queue polls: an opaque mark that moves whenever a report in the
 * caller's scope arrives or changes (count and latest change times). No
 * content: the web then refetches the list through the audited route.
 */
export const reportsPulse = z.object({ mark: z.string() });
export type DispatchTarget = z.infer<typeof dispatchTarget>;

const reportIdParams = z.object({ id: z.string().uuid() });
const dispatchIdParams = reportIdParams.extend({ dispatchId: z.string().uuid() });

/** The hotline's reports: work list, records, dispatches to agencies. Every change answers the report as the caller now sees it. */
export const reportsApi = {
  list: defineContract({ method: 'GET', path: '/api/reports', tag: 'reports', query: pageQuery.extend(reportListQuery.shape), response: pageOf(reportSummary) }),
  pulse: defineContract({ method: 'GET', path: '/api/reports/pulse', tag: 'reports', response: reportsPulse }),
  dispatchTargets: defineContract({ method: 'GET', path: '/api/reports/dispatch-targets', tag: 'reports', response: z.object({ items: z.array(dispatchTarget) }) }),
  create: defineContract({ method: 'POST', path: '/api/reports', tag: 'reports', body: createReportBody, response: reportDetail, status: 201 }),
  detail: defineContract({ method: 'GET', path: '/api/reports/:id', tag: 'reports', params: reportIdParams, response: reportDetail }),
  update: defineContract({ method: 'PATCH', path: '/api/reports/:id', tag: 'reports', params: reportIdParams, body: updateReportBody, response: reportDetail }),
  triage: defineContract({ method: 'POST', path: '/api/reports/:id/triage', tag: 'reports', params: reportIdParams, body: triageReportBody, response: reportDetail }),
  dispatch: defineContract({ method: 'POST', path: '/api/reports/:id/dispatches', tag: 'reports', params: reportIdParams, body: dispatchReportBody, response: reportDetail }),
  acknowledgeDispatch: defineContract({
    method: 'POST',
    path: '/api/reports/:id/dispatches/:dispatchId/acknowledge',
    tag: 'reports',
    params: dispatchIdParams,
    response: reportDetail,
  }),
  close: defineContract({ method: 'POST', path: '/api/reports/:id/close', tag: 'reports', params: reportIdParams, body: closeReportBody, response: reportDetail }),
  linkCase: defineContract({ method: 'POST', path: '/api/reports/:id/cases', tag: 'reports', params: reportIdParams, body: linkCaseBody, response: reportDetail }),
};

/** The public form (no login): file a report, then add to it with the receipt code. */
export const publicReportsApi = {
  submit: defineContract({ method: 'POST', path: '/api/public/reports', tag: 'public', body: publicReportBody, response: publicReportReceipt, status: 201 }),
  // 202 whether or not the code is known: the answer never confirms that a report exists.
  addTo: defineContract({ method: 'POST', path: '/api/public/reports/additions', tag: 'public', body: publicAdditionBody, response: publicAdditionAnswer, status: 202 }),
};
