import { z } from 'zod';
import { COUNTRY_CODES } from '../htcds/countries.js';
import { defineContract } from './contract.js';
import { isoDate, text, version } from './fields.js';
import { patchOf } from './patch.js';
import { SERVICE_TYPES } from './providers.js';

/**
 * The care of a victim after the case is opened: services delivered, support
 * plans (HTCDS spl_), follow-ups, voluntary return and reintegration. Each is a
 * record of the case (or, for services, of a referral the provider received).
 */

const note = (max: number) => text(max, 1);
/** The case's id (or, for a referral's services, the referral's). */
const idParams = z.object({ id: z.string().uuid() });
const itemsOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

// --- services delivered ---
export const SERVICE_OUTCOMES = ['ongoing', 'completed', 'partially_completed', 'discontinued', 'refused_by_victim'] as const;
export const serviceBody = z
  .object({
    serviceType: z.enum(SERVICE_TYPES),
    providerId: z.string().uuid().nullable().default(null),
    startDate: isoDate,
    endDate: isoDate.nullable().default(null),
    outcome: z.enum(SERVICE_OUTCOMES),
    note: note(5000).nullable().default(null),
  })
  .refine((s) => !s.endDate || s.endDate >= s.startDate, { path: ['endDate'], message: 'before_start' });
/** On a referral the provider and type come from the referral unless given. */
export const referralServiceBody = z
  .object({
    serviceType: z.enum(SERVICE_TYPES).optional(),
    startDate: isoDate,
    endDate: isoDate.nullable().default(null),
    outcome: z.enum(SERVICE_OUTCOMES),
    note: note(5000).nullable().default(null),
  })
  .refine((s) => !s.endDate || s.endDate >= s.startDate, { path: ['endDate'], message: 'before_start' });
export const serviceDelivered = z.object({
  id: z.string().uuid(),
  referralId: z.string().uuid().nullable(),
  serviceType: z.enum(SERVICE_TYPES),
  providerName: z.string().nullable(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  outcome: z.enum(SERVICE_OUTCOMES),
  note: z.string().nullable(),
  recordedByAgencyName: z.string(),
  createdAt: z.string(),
});
export type ServiceDelivered = z.infer<typeof serviceDelivered>;

// --- support plans (HTCDS spl_) ---
export const SUPPORT_PLAN_TYPES = [
  'Education', 'Financial', 'Health', 'LabourExploitationRehabilitation', 'Legal', 'Livelihood', 'RightsBasedTraining',
  'SexualExploitationRehabilitation', 'SocialCare', 'Other',
] as const;
export const supportPlanBody = z.object({
  type: z.enum(SUPPORT_PLAN_TYPES),
  objectives: note(5000),
  actionPlan: note(10000).nullable().default(null),
  plannedEndDate: isoDate.nullable().default(null),
  actualEndDate: isoDate.nullable().default(null),
});
/** A field not sent is kept (no defaults in a patch). */
export const supportPlanPatch = patchOf(supportPlanBody).extend({ version: version() });
export const supportPlan = z.object({
  id: z.string().uuid(),
  type: z.enum(SUPPORT_PLAN_TYPES),
  objectives: z.string(),
  actionPlan: z.string().nullable(),
  plannedEndDate: z.string().nullable(),
  actualEndDate: z.string().nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type SupportPlan = z.infer<typeof supportPlan>;

// --- follow-ups ---
export const followUpBody = z.object({ dueDate: isoDate, purpose: note(2000), assigneeId: z.string().uuid().nullable().default(null) });
export const followUpDoneBody = z.object({ outcomeNote: note(5000).nullable().default(null) });
export const followUp = z.object({
  id: z.string().uuid(),
  dueDate: z.string(),
  purpose: z.string(),
  assigneeId: z.string().uuid().nullable(),
  assigneeName: z.string().nullable(),
  doneAt: z.string().nullable(),
  outcomeNote: z.string().nullable(),
  overdue: z.boolean(),
});
export type FollowUp = z.infer<typeof followUp>;

// --- voluntary return and reintegration ---
export const RETURN_STATUSES = ['planned', 'completed', 'cancelled'] as const;
export const MILESTONE_KINDS = [
  'reception_on_arrival', 'family_reunification', 'housing', 'education', 'vocational_training', 'employment', 'income_generating_activity',
  'medical_follow_up', 'psychosocial_follow_up', 'other',
] as const;
export const milestone = z.object({
  kind: z.enum(MILESTONE_KINDS),
  targetDate: isoDate.nullable().default(null),
  achievedOn: isoDate.nullable().default(null),
  note: note(2000).nullable().default(null),
});
export const returnBody = z.object({
  status: z.enum(RETURN_STATUSES),
  returnCountry: z.enum(COUNTRY_CODES),
  returnDate: isoDate.nullable().default(null),
  iomInvolved: z.boolean().default(false),
  note: note(5000).nullable().default(null),
  milestones: z.array(milestone).max(30).default([]),
  /** 0 when none was recorded yet; stale → 409. */
  version: version(0),
});
export type ReturnInput = z.input<typeof returnBody>;
export const returnPlan = z.object({
  status: z.enum(RETURN_STATUSES),
  returnCountry: z.string(),
  returnDate: z.string().nullable(),
  iomInvolved: z.boolean(),
  note: z.string().nullable(),
  milestones: z.array(milestone.extend({ targetDate: z.string().nullable(), achievedOn: z.string().nullable(), note: z.string().nullable() })),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type ReturnPlan = z.infer<typeof returnPlan>;
export const returnResponse = z.object({ plan: returnPlan.nullable() });


export const servicesList = itemsOf(serviceDelivered);
export const supportPlanList = itemsOf(supportPlan);
export const followUpList = itemsOf(followUp);

/** Every change answers the whole list (or plan) again, so the panel shows what the server holds. */
export const careApi = {
  caseServices: defineContract({ method: 'GET', path: '/api/cases/:id/services', tag: 'services', params: idParams, response: servicesList }),
  recordCaseService: defineContract({ method: 'POST', path: '/api/cases/:id/services', tag: 'services', params: idParams, body: serviceBody, response: servicesList, status: 201 }),
  /** A provider sees the services on its referral, not the case's other services. */
  referralServices: defineContract({ method: 'GET', path: '/api/referrals/:id/services', tag: 'services', params: idParams, response: servicesList }),
  recordReferralService: defineContract({ method: 'POST', path: '/api/referrals/:id/services', tag: 'services', params: idParams, body: referralServiceBody, response: servicesList, status: 201 }),
  supportPlans: defineContract({ method: 'GET', path: '/api/cases/:id/support-plans', tag: 'cases', params: idParams, response: supportPlanList }),
  createSupportPlan: defineContract({ method: 'POST', path: '/api/cases/:id/support-plans', tag: 'cases', params: idParams, body: supportPlanBody, response: supportPlanList, status: 201 }),
  updateSupportPlan: defineContract({
    method: 'PATCH',
    path: '/api/cases/:id/support-plans/:planId',
    tag: 'cases',
    params: idParams.extend({ planId: z.string().uuid() }),
    body: supportPlanPatch,
    response: supportPlanList,
  }),
  followUps: defineContract({ method: 'GET', path: '/api/cases/:id/follow-ups', tag: 'cases', params: idParams, response: followUpList }),
  createFollowUp: defineContract({ method: 'POST', path: '/api/cases/:id/follow-ups', tag: 'cases', params: idParams, body: followUpBody, response: followUpList, status: 201 }),
  completeFollowUp: defineContract({
    method: 'POST',
    path: '/api/cases/:id/follow-ups/:followUpId/done',
    tag: 'cases',
    params: idParams.extend({ followUpId: z.string().uuid() }),
    body: followUpDoneBody,
    response: followUpList,
  }),
  returnPlan: defineContract({ method: 'GET', path: '/api/cases/:id/return', tag: 'cases', params: idParams, response: returnResponse }),
  saveReturnPlan: defineContract({ method: 'PUT', path: '/api/cases/:id/return', tag: 'cases', params: idParams, body: returnBody, response: returnResponse }),
};
