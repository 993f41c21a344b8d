import { z } from 'zod';
import { defineContract } from './contract.js';
import { text } from './fields.js';

/**
 * Handing a case over to another agency (Primero's "transfer"): the owner
 * agency asks, with the person's consent to share with the receiver; the
 * receiving agency accepts (and becomes the owner) or declines; the sender may
 * cancel while it waits. The receiver sees a summary without identity until it
 * accepts.
 */

/** Why a case is handed over: coded so transfers can be counted; a note (encrypted) says more. */
export const CASE_TRANSFER_REASONS = ['victim_relocated', 'specialised_support', 'jurisdiction', 'case_management', 'other'] as const;
export type CaseTransferReason = (typeof CASE_TRANSFER_REASONS)[number];

export const CASE_TRANSFER_STATUSES = ['pending', 'accepted', 'declined', 'cancelled'] as const;
export type CaseTransferStatus = (typeof CASE_TRANSFER_STATUSES)[number];

/** A transfer as the case's readers see it (the sending and, once accepted, the receiving agency). */
export const caseTransfer = z.object({
  id: z.string().uuid(),
  fromAgencyName: z.string(),
  toAgencyId: z.string().uuid(),
  toAgencyName: z.string(),
  reason: z.enum(CASE_TRANSFER_REASONS),
  reasonNote: z.string().nullable(),
  status: z.enum(CASE_TRANSFER_STATUSES),
  requestedByName: z.string(),
  requestedAt: z.string(),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
});
export type CaseTransfer = z.infer<typeof caseTransfer>;

/** An agency the case may be handed to: the person consented to share with it, and it has staff who take cases. */
export const transferTarget = z.object({ agencyId: z.string().uuid(), agencyName: z.string() });

export const caseTransfersResponse = z.object({
  items: z.array(caseTransfer),
  targets: z.array(transferTarget),
  /** Whether the reader may ask for a transfer of this case (their agency owns it and they work it). */
  canTransfer: z.boolean(),
});

export const requestTransferBody = z
  .object({
    toAgencyId: z.string().uuid(),
    reason: z.enum(CASE_TRANSFER_REASONS),
    reasonNote: text(2000).nullable().default(null),
  })
  .refine((body) => body.reason !== 'other' || (body.reasonNote ?? '').trim().length > 0, { message: 'Say why when the reason is "other"', path: ['reasonNote'] });

/**
 * What the receiving agency sees before it accepts: no name, no note (free text
 * can identify), only what it needs to decide to take the case on.
 */
export const incomingTransfer = z.object({
  id: z.string().uuid(),
  caseNumber: z.string(),
  fromAgencyName: z.string(),
  reason: z.enum(CASE_TRANSFER_REASONS),
  requestedAt: z.string(),
});
export type IncomingTransfer = z.infer<typeof incomingTransfer>;

const caseIdParams = z.object({ id: z.string().uuid() });
const caseTransferParams = caseIdParams.extend({ transferId: z.string().uuid() });
const transferParams = z.object({ transferId: z.string().uuid() });

export const caseTransfersApi = {
  /** The transfers of one case, the agencies it may go to, and whether the reader may ask. */
  ofCase: defineContract({ method: 'GET', path: '/api/cases/:id/transfers', tag: 'cases', params: caseIdParams, response: caseTransfersResponse }),
  request: defineContract({
    method: 'POST',
    path: '/api/cases/:id/transfers',
    tag: 'cases',
    params: caseIdParams,
    body: requestTransferBody,
    response: caseTransfersResponse,
    status: 201,
  }),
  cancel: defineContract({ method: 'POST', path: '/api/cases/:id/transfers/:transferId/cancel', tag: 'cases', params: caseTransferParams, response: caseTransfersResponse }),
  /** The receiving agency's work list: transfers waiting for its answer. */
  incoming: defineContract({ method: 'GET', path: '/api/case-transfers/incoming', tag: 'cases', response: z.object({ items: z.array(incomingTransfer) }) }),
  accept: defineContract({
    method: 'POST',
    path: '/api/case-transfers/:transferId/accept',
    tag: 'cases',
    params: transferParams,
    response: z.object({ caseId: z.string().uuid() }),
  }),
  decline: defineContract({ method: 'POST', path: '/api/case-transfers/:transferId/decline', tag: 'cases', params: transferParams, response: z.object({ ok: z.literal(true) }) }),
};
