import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OverrideReviewItem } from '@shared/api/override-review.js';
import { startTestSanad, type TestClient, type TestSanad } from '../test/harness.js';
import { openCaseVia } from './test-helpers.js';

/**
 * The coordinator's review of consent overrides (override-review.ts) on the demo pathway, which holds
 * one override waiting for review: the list without identities, approve and flag, the audit rows, the
 * notification of a flag, the count that falls, and every other role refused.
 */

let sanad: TestSanad;
let coordinator: TestClient;
let responder: TestClient;
let demoOverride: OverrideReviewItem;
let caseNumbers: string[];

const query = async (text: string, values: unknown[] = []) => (await sanad.ctx.database.pool.query(text, values)).rows;
const pending = async () => (await coordinator.get('/api/worklists/pathway-health')).json().overridesPendingReview as number;

/** A second override, sent by the demo responder for a case of their own: risk to life, no consent to the legal aid office. */
async function sendOverride(): Promise<string> {
  const caseId = await openCaseVia(responder);
  const [legal] = await query(`SELECT p.id FROM service_providers p JOIN provider_services s ON s.provider_id = p.id WHERE s.service_type = 'legal_aid' AND p.active ORDER BY p.name LIMIT 1`);
  const response = await responder.post(`/api/cases/${caseId}/referrals`, {
    providerId: legal.id, serviceType: 'legal_aid', urgency: 'emergency', reason: 'AdditionalServicesRequired', reasonDetails: null,
    sharedFields: ['given_name_latin'], needsSummary: null,
    override: { reason: 'risk_to_life', justification: 'Blessing was found by her trafficker; the hearing is at dawn.' },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id as string;
}

beforeAll(async () => {
  sanad = await startTestSanad({ demo: true, pathway: true });
  [coordinator, responder] = [await sanad.signIn('coordinator'), await sanad.signIn('responder')];
  caseNumbers = (await query('SELECT case_number FROM cases')).map((r) => r.case_number as string);
});
afterAll(async () => sanad?.close());

describe('the overrides to review', () => {
  it('lists who sent it, from which agency, when and why (coded), never the case, the person or the justification', async () => {
    const response = await coordinator.get('/api/referrals/overrides');
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json() as { items: OverrideReviewItem[]; total: number };
    expect(body.total).toBe(1);
    demoOverride = body.items[0]!;
    expect(demoOverride).toMatchObject({ overrideReason: 'risk_to_life', urgency: 'emergency', serviceType: 'legal_aid', review: null });
    expect(demoOverride.sentByName).not.toBe('');
    expect(demoOverride.referringAgencyName).not.toBe('');
    expect(demoOverride.sharedFields).toContain('given_name_latin');
    const text = JSON.stringify(body);
    // The demo justification, the case, its number and the shared values stay out.
    expect(text).not.toMatch(/Threats|unreachable|caseId|caseNumber|snapshot/);
    for (const number of caseNumbers) expect(text).not.toContain(number);
    expect(await pending()).toBe(1);
  });

  it('is refused to every other role, and so is the review', async () => {
    for (const username of ['hotline', 'responder', 'casemanager', 'shelter', 'legalaid', 'prosecutor', 'analyst', 'auditor', 'admin']) {
      const client = await sanad.signIn(username);
      expect((await client.get('/api/referrals/overrides')).statusCode, username).toBe(403);
      expect((await client.post(`/api/referrals/${demoOverride.id}/override-review`, { outcome: 'approved' })).statusCode, username).toBe(403);
    }
    expect(await pending()).toBe(1);
  });
});

describe('approving', () => {
  it('records who and when, audits it, and the count falls; a second review is a conflict', async () => {
    const response = await coordinator.post(`/api/referrals/${demoOverride.id}/override-review`, { outcome: 'approved' });
    expect(response.statusCode, response.body).toBe(200);
    const reviewed = response.json() as OverrideReviewItem;
    expect(reviewed.review).toMatchObject({ outcome: 'approved', note: null, reviewedByName: expect.any(String) });
    expect(Date.now() - Date.parse(reviewed.review!.reviewedAt)).toBeLessThan(60_000);
    const [row] = await query('SELECT override_review_outcome, override_reviewed_by, u.username FROM referrals r JOIN users u ON u.id = r.override_reviewed_by WHERE r.id = $1', [demoOverride.id]);
    expect(row).toMatchObject({ override_review_outcome: 'approved', username: 'coordinator' });
    const audit = await query(`SELECT details FROM audit_events WHERE action = 'referral.overrideReviewed' AND resource_id = $1`, [demoOverride.id]);
    expect(audit).toHaveLength(1);
    expect(audit[0].details).toMatchObject({ outcome: 'approved', reference: demoOverride.reference });
    expect(await pending()).toBe(0);
    expect((await coordinator.get('/api/referrals/overrides')).json().total).toBe(0);
    // All of them, reviewed ones included, on request.
    expect((await coordinator.get('/api/referrals/overrides?pending=false')).json().items[0].review.outcome).toBe('approved');

    const again = await coordinator.post(`/api/referrals/${demoOverride.id}/override-review`, { outcome: 'flagged', note: 'Second thoughts on this one.' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details.reason).toBe('override_already_reviewed');
  });

  it('finds no override behind an ordinary referral (404)', async () => {
    const [ordinary] = await query('SELECT id FROM referrals WHERE NOT consent_override LIMIT 1');
    expect((await coordinator.post(`/api/referrals/${ordinary.id}/override-review`, { outcome: 'approved' })).statusCode).toBe(404);
  });
});

describe('flagging', () => {
  it('needs a note, keeps it sealed, audits the outcome and notifies the sending agency', async () => {
    const id = await sendOverride();
    expect(await pending()).toBe(1);
    const listed = (await coordinator.get('/api/referrals/overrides')).json() as { items: OverrideReviewItem[] };
    expect(listed.items.map((i) => i.id)).toEqual([id]);
    expect(JSON.stringify(listed)).not.toMatch(/Blessing|dawn/);

    expect((await coordinator.post(`/api/referrals/${id}/override-review`, { outcome: 'flagged' })).statusCode).toBe(400);
    expect(await pending()).toBe(1);
    const note = 'A legal aid office is no emergency service; ask for consent first.';
    const response = await coordinator.post(`/api/referrals/${id}/override-review`, { outcome: 'flagged', note });
    expect(response.statusCode, response.body).toBe(200);
    expect((response.json() as OverrideReviewItem).review).toMatchObject({ outcome: 'flagged', note });
    expect(await pending()).toBe(0);

    const [row] = await query('SELECT override_review_note_enc FROM referrals WHERE id = $1', [id]);
    expect(row.override_review_note_enc).not.toContain('emergency service');
    const audit = await query(`SELECT details, changed_fields FROM audit_events WHERE action = 'referral.overrideReviewed' AND resource_id = $1`, [id]);
    expect(audit).toHaveLength(1);
    expect(audit[0].details).toMatchObject({ outcome: 'flagged' });
    expect(JSON.stringify(audit[0])).not.toContain('emergency service');

    const notes = (await responder.get('/api/notifications')).json().items as { kind: string; resourceId: string; params: Record<string, string>; link: string }[];
    const flagged = notes.find((n) => n.kind === 'override_flagged');
    expect(flagged).toMatchObject({ resourceId: id, link: `/referrals/${id}` });
    expect(JSON.stringify(flagged)).not.toContain('emergency service');
    // The coordinator who flagged it is not notified of their own act.
    expect(((await coordinator.get('/api/notifications')).json().items as { kind: string }[]).some((n) => n.kind === 'override_flagged')).toBe(false);
  });
});

describe('behind the coordinator’s other tiles', () => {
  it('opens the referrals of a tile with its filter, de-identified, and totals that match the tile', async () => {
    const health = (await coordinator.get('/api/worklists/pathway-health')).json();
    const overdue = (await coordinator.get('/api/worklists/national/referrals?state=overdue')).json();
    expect(overdue.total).toBe(health.overdueWaiting);
    expect(overdue.items.every((r: { overdue: boolean; status: string }) => r.overdue && r.status === 'sent')).toBe(true);
    const waiting = (await coordinator.get('/api/worklists/national/referrals?state=waiting')).json();
    expect(waiting.total).toBe(health.waitingByUrgency.emergency + health.waitingByUrgency.urgent + health.waitingByUrgency.routine);
    const emergencies = (await coordinator.get('/api/worklists/national/referrals?state=waiting&urgency=emergency')).json();
    expect(emergencies.total).toBe(health.waitingByUrgency.emergency);
    const accepted = (await coordinator.get('/api/worklists/national/referrals?state=accepted')).json();
    expect(accepted.total).toBe(health.acceptance.accepted);
    const text = JSON.stringify([overdue, waiting, accepted]);
    expect(text).not.toMatch(/caseId|caseNumber|snapshot|Blessing/);
    for (const number of caseNumbers) expect(text).not.toContain(number);

    const notReferred = (await coordinator.get('/api/worklists/national/not-referred')).json();
    expect(notReferred.total).toBe(health.victimsNotReferred);
    expect(Object.keys(notReferred.byAgency[0]).sort()).toEqual(['agencyId', 'agencyName', 'identified', 'presumed', 'total']);

    for (const username of ['responder', 'casemanager', 'analyst']) {
      const client = await sanad.signIn(username);
      expect((await client.get('/api/worklists/national/referrals?state=overdue')).statusCode, username).toBe(403);
      expect((await client.get('/api/worklists/national/not-referred')).statusCode, username).toBe(403);
    }
  });

  it('gives the case manager the overdue filter of their tile and both tile counts', async () => {
    const casemanager = await sanad.signIn('casemanager');
    const all = (await casemanager.get('/api/worklists/case-manager')).json();
    const overdue = (await casemanager.get('/api/worklists/case-manager?overdue=true')).json();
    expect(all.total).toBe(all.openTotal);
    expect(overdue.total).toBe(all.overdueTotal);
    expect(overdue.items.every((i: { overdueFollowUps: number; overdueReferrals: number }) => i.overdueFollowUps + i.overdueReferrals > 0)).toBe(true);
  });
});
