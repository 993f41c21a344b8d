import { z } from 'zod';
import { defineContract } from './contract.js';

/**
 * What happened on a case, newest first: one line per step, from the records the
 * case's tabs already show. A line carries codes, references, names of people and
 * organisations and dates, never free text (notes, descriptions, purposes stay in
 * their tabs, where reading them is its own audited read).
 */
export const TIMELINE_KINDS = ['case', 'report', 'screening', 'referral', 'service', 'consent', 'note', 'event', 'support_plan', 'follow_up'] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

export const timelineEntry = z.object({
  /** Stable within the case: kind, record and step. */
  id: z.string(),
  kind: z.enum(TIMELINE_KINDS),
  /**
   * The step within the kind: case opened/closed, report received, screening screened,
   * referral sent/accepted/declined/started/completed/cancelled, consent given/revoked,
   * service delivered, note written, event happened, plan made, follow-up done.
   */
  step: z.string(),
  at: z.string(),
  /** The record gives only a day (a service's start, a screening's day): show the date without a time. */
  dayOnly: z.boolean(),
  /** The record the line is about (a referral, a report…), for a link. */
  resourceId: z.string().uuid(),
  /** Whether the reader may open that record (a report outside their scope is named, not linked). */
  openable: z.boolean(),
  reference: z.string().nullable(),
  /** A stored code (channel, outcome, service type, consent type, event type, closure reason…). */
  code: z.string().nullable(),
  /** A second code or an organisation's name (provider, agency, country). */
  detail: z.string().nullable(),
  actorName: z.string().nullable(),
});
export type TimelineEntry = z.infer<typeof timelineEntry>;

/** GET /api/cases/:id/timeline: a read of the case, audited as such. */
export const caseTimelineApi = {
  timeline: defineContract({
    method: 'GET',
    path: '/api/cases/:id/timeline',
    tag: 'cases',
    params: z.object({ id: z.string().uuid() }),
    response: z.object({ items: z.array(timelineEntry), truncated: z.boolean() }),
  }),
};
