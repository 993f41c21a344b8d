import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReferralDetail } from '@shared/api/referrals.js';
import { startTestSanad, type TestClient, type TestSanad } from '../test/harness.js';
import { consentVia, createTestProviders, openCaseVia, shelterReferral } from './test-helpers.js';

let sanad: TestSanad;
let responder: TestClient;
let shelter: TestClient;
let legalaid: TestClient;
let admin: TestClient;
let coordinator: TestClient;
let shelterAgencyId: string;
let shelterId: string;
let legalId: string;
let caseId: string;
let consentId: string;
let referralId: string;

const query = async (text: string, values: unknown[] = []) => (await sanad.ctx.database.pool.query(text, values)).rows;
const auditCount = async (action: string, resourceId: string) => (await query('SELECT count(*)::int AS n FROM audit_events WHERE action = $1 AND resource_id = $2', [action, resourceId]))[0].n as number;
const beds = async () => (await query('SELECT beds_occupied FROM shelter_capacity WHERE provider_id = $1', [shelterId]))[0].beds_occupied as number;

beforeAll(async () => {
  sanad = await startTestSanad({ demo: true });
  [responder, shelter, legalaid, admin, coordinator] = [
    await sanad.signIn('responder'), await sanad.signIn('shelter'), await sanad.signIn('legalaid'), await sanad.signIn('admin'), await sanad.signIn('coordinator'),
  ];
  const setup = await createTestProviders(sanad, admin, shelter, 1);
  shelterAgencyId = setup.agency.get('shelter')!;
  shelterId = setup.shelterId;
  legalId = setup.legalId;
  caseId = await openCaseVia(responder);
});
afterAll(async () => sanad?.close());

describe('consent is enforced in code', () => {
  it('refuses a referral without consent to share with the receiving organisation (422)', async () => {
    const response = await responder.post(`/api/cases/${caseId}/referrals`, shelterReferral(shelterId, ['given_name_latin', 'sex']));
    expect(response.statusCode).toBe(422);
    expect(response.json().error.code).toBe('CONSENT_REQUIRED');
  });

  it('sends the referral once consent is given, storing only the chosen fields, encrypted', async () => {
    consentId = await consentVia(responder, caseId, shelterAgencyId);
    const response = await responder.post(`/api/cases/${caseId}/referrals`, shelterReferral(shelterId, ['given_name_latin', 'sex', 'needs_summary']));
    expect(response.statusCode, response.body).toBe(201);
    const referral = response.json() as ReferralDetail;
    referralId = referral.id;
    expect(referral).toMatchObject({ status: 'sent', direction: 'outgoing', caseId, consentOverride: false, sharedFields: ['given_name_latin', 'sex', 'needs_summary'] });
    expect(referral.snapshot).toEqual({ given_name_latin: 'Blessing', sex: 'Feminine', needs_summary: 'Safe accommodation and psychosocial support' });
    const [raw] = await query('SELECT snapshot_enc, reason_details_enc FROM referrals WHERE id = $1', [referralId]);
    expect(JSON.stringify(raw)).not.toMatch(/Blessing|Okafor|safe place/i);
    const [note] = await query(`SELECT count(*)::int AS n FROM notifications n JOIN users u ON u.id = n.user_id WHERE u.username = 'shelter' AND n.kind = 'referral_received' AND n.resource_id = $1`, [referralId]);
    expect(note.n).toBe(1);
  });

  it('refuses an unknown field key and a provider that does not offer the service (400)', async () => {
    const badField = await responder.post(`/api/cases/${caseId}/referrals`, { ...shelterReferral(shelterId, ['sex']), sharedFields: ['sex', 'religion'] });
    expect(badField.statusCode).toBe(400);
    const wrongService = await responder.post(`/api/cases/${caseId}/referrals`, { ...shelterReferral(legalId, ['sex']) });
    expect(wrongService.statusCode).toBe(400);
    expect(wrongService.json().error.details.issues[0]).toMatchObject({ field: 'providerId', reason: 'does_not_offer_service' });
  });
});

describe('what the receiving provider sees', () => {
  it('lists the referral as incoming, without the case', async () => {
    const list = (await shelter.get('/api/referrals?direction=incoming')).json();
    expect(list.total).toBe(1);
    expect(list.items[0]).toMatchObject({ id: referralId, direction: 'incoming', caseId: null, caseNumber: null, status: 'sent' });
    expect((await shelter.get('/api/referrals?direction=outgoing')).json().total).toBe(0);
  });

  it('shows only the shared fields, audits the read, and never opens the case (404)', async () => {
    const detail = (await shelter.get(`/api/referrals/${referralId}`)).json() as ReferralDetail;
    expect(detail.snapshot).toEqual({ given_name_latin: 'Blessing', sex: 'Feminine', needs_summary: 'Safe accommodation and psychosocial support' });
    expect(detail.snapshot).not.toHaveProperty('family_name_latin');
    expect(detail.snapshot).not.toHaveProperty('phone');
    expect(JSON.stringify(detail)).not.toMatch(/Okafor|662 998/);
    expect(detail.caseId).toBeNull();
    expect(detail.allowedTransitions).toEqual(['accept', 'decline']);
    expect(await auditCount('referral.viewed', referralId)).toBeGreaterThanOrEqual(1);
    expect((await shelter.get(`/api/cases/${caseId}`)).statusCode).toBe(403);
    expect((await shelter.get(`/api/referrals/${referralId}/services`)).statusCode).toBe(200);
  });

  it('answers 404 to another provider agency and 403 to the administrator', async () => {
    expect((await legalaid.get(`/api/referrals/${referralId}`)).statusCode).toBe(404);
    expect((await legalaid.post(`/api/referrals/${referralId}/accept`)).statusCode).toBe(404);
    expect((await legalaid.get('/api/referrals?direction=incoming')).json().total).toBe(0);
    const asAdmin = await admin.get(`/api/referrals/${referralId}`);
    expect(asAdmin.statusCode).toBe(403);
    expect((await admin.get(`/api/cases/${caseId}/referrals`)).statusCode).toBe(403);
  });
});

describe('revoking consent', () => {
  it('blocks the next referral at once and withholds the unanswered one from the receiver', async () => {
    const revoke = await responder.post(`/api/cases/${caseId}/consents/${consentId}/revoke`);
    expect(revoke.statusCode).toBeLessThan(300);
    const next = await responder.post(`/api/cases/${caseId}/referrals`, shelterReferral(shelterId, ['sex']));
    expect(next.statusCode).toBe(422);
    expect(next.json().error.code).toBe('CONSENT_REQUIRED');
    const asReceiver = (await shelter.get(`/api/referrals/${referralId}`)).json() as ReferralDetail;
    expect(asReceiver.snapshot).toBeNull();
    expect(asReceiver.snapshotWithheld).toBe(true);
    const asSender = (await responder.get(`/api/referrals/${referralId}`)).json() as ReferralDetail;
    expect(asSender.snapshot?.given_name_latin).toBe('Blessing');
    consentId = await consentVia(responder, caseId, shelterAgencyId);
    expect(((await shelter.get(`/api/referrals/${referralId}`)).json() as ReferralDetail).snapshotWithheld).toBe(false);
  });
});

describe('emergency override', () => {
  it('allows a referral without consent for a risk to life, audited and flagged for review (counts only)', async () => {
    const body = { ...shelterReferral(legalId, ['given_name_latin']), serviceType: 'legal_aid' as const, urgency: 'emergency' as const };
    const withoutJustification = await responder.post(`/api/cases/${caseId}/referrals`, { ...body, override: { reason: 'risk_to_life', justification: 'short' } });
    expect(withoutJustification.statusCode).toBe(400);
    const response = await responder.post(`/api/cases/${caseId}/referrals`, { ...body, override: { reason: 'risk_to_life', justification: 'Trafficker located the victim; hearing tomorrow morning.' } });
    expect(response.statusCode, response.body).toBe(201);
    const overridden = response.json() as ReferralDetail;
    expect(overridden.consentOverride).toBe(true);
    expect(await auditCount('referral.consentOverridden', overridden.id)).toBe(1);
    expect(((await legalaid.get(`/api/referrals/${overridden.id}`)).json() as ReferralDetail).snapshot).toEqual({ given_name_latin: 'Blessing' });

    const health = (await coordinator.get('/api/worklists/pathway-health')).json();
    expect(health.overridesPendingReview).toBe(1);
    const overrides = await coordinator.get('/api/referrals/overrides');
    expect(overrides.json().items).toHaveLength(1);
    expect(JSON.stringify(overrides.json())).not.toMatch(/Blessing|SAN-|hearing/);
    expect((await coordinator.get(`/api/referrals/${overridden.id}`)).statusCode).toBe(403);
    expect((await coordinator.post(`/api/referrals/${overridden.id}/override-review`, { outcome: 'approved' })).statusCode).toBe(200);
    expect((await coordinator.get('/api/worklists/pathway-health')).json().overridesPendingReview).toBe(0);
    // Cancelled by the sender: the receiver no longer sees the shared values.
    expect((await responder.post(`/api/referrals/${overridden.id}/cancel`, { note: null })).statusCode).toBe(200);
    expect(((await legalaid.get(`/api/referrals/${overridden.id}`)).json() as ReferralDetail).snapshot).toBeNull();
  });
});

describe('lifecycle', () => {
  it('accepts (taking a bed, measuring time to acceptance), starts, records a service and completes', async () => {
    await query(`UPDATE referrals SET sent_at = now() - interval '90 minutes' WHERE id = $1`, [referralId]);
    expect((await shelter.post(`/api/referrals/${referralId}/complete`)).json().error.details).toMatchObject({ reason: 'referral_invalid_transition', from: 'sent', to: 'completed' });
    const accepted = await shelter.post(`/api/referrals/${referralId}/accept`);
    expect(accepted.statusCode, accepted.body).toBe(200);
    const detail = accepted.json() as ReferralDetail;
    expect(detail).toMatchObject({ status: 'accepted', bedHeld: true, allowedTransitions: ['start', 'recordService'] });
    expect(detail.minutesToAcceptance).toBeGreaterThanOrEqual(89);
    expect(detail.minutesToAcceptance).toBeLessThanOrEqual(92);
    expect(await beds()).toBe(1);
    const [note] = await query(`SELECT params FROM notifications n JOIN users u ON u.id = n.user_id WHERE u.username = 'responder' AND n.kind = 'referral_accepted'`);
    expect(Object.keys(note.params).sort()).toEqual(['caseNumber', 'reference']);

    const again = await shelter.post(`/api/referrals/${referralId}/accept`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details.reason).toBe('referral_invalid_transition');

    const service = await shelter.post(`/api/referrals/${referralId}/services`, { startDate: '2026-03-01', outcome: 'ongoing', note: 'Room 4, with her daughter' });
    expect(service.statusCode, service.body).toBe(201);
    expect(service.json().items[0]).toMatchObject({ serviceType: 'shelter', providerName: 'Dar Al Amane test shelter', outcome: 'ongoing' });
    expect(((await shelter.get(`/api/referrals/${referralId}`)).json() as ReferralDetail).status).toBe('in_progress');
    expect((await query('SELECT note_enc FROM services_delivered'))[0].note_enc).not.toMatch(/Room 4/);
    const caseServices = (await responder.get(`/api/cases/${caseId}/services`)).json();
    expect(caseServices.items).toHaveLength(1);

    const completed = await shelter.post(`/api/referrals/${referralId}/complete`);
    expect(completed.json()).toMatchObject({ status: 'completed', bedHeld: false });
    expect(await beds()).toBe(0);
    expect((await responder.post(`/api/referrals/${referralId}/cancel`, { note: null })).statusCode).toBe(409);
  });

  it('lets only the receiver answer and only the sender cancel', async () => {
    const sent = (await responder.post(`/api/cases/${caseId}/referrals`, shelterReferral(shelterId, ['sex']))).json() as ReferralDetail;
    expect((await responder.post(`/api/referrals/${sent.id}/accept`)).statusCode).toBe(403);
    expect((await shelter.post(`/api/referrals/${sent.id}/cancel`, { note: null })).statusCode).toBe(403);
    const noReason = await shelter.post(`/api/referrals/${sent.id}/decline`, { note: 'full' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.code).toBe('VALIDATION_FAILED');
    const declined = await shelter.post(`/api/referrals/${sent.id}/decline`, { reason: 'no_capacity', note: 'Full until Monday' });
    expect(declined.json()).toMatchObject({ status: 'declined', declineReason: 'no_capacity', declineNote: 'Full until Monday', snapshot: null });
    const [note] = await query(`SELECT count(*)::int AS n FROM notifications WHERE kind = 'referral_declined' AND resource_id = $1`, [sent.id]);
    expect(note.n).toBe(1);
    expect((await shelter.post(`/api/referrals/${sent.id}/accept`)).statusCode).toBe(409);
  });

  it('refuses to accept into a full shelter (409 shelter_full)', async () => {
    const first = (await responder.post(`/api/cases/${caseId}/referrals`, shelterReferral(shelterId, ['sex']))).json() as ReferralDetail;
    expect((await shelter.post(`/api/referrals/${first.id}/accept`)).statusCode).toBe(200);
    const second = (await responder.post(`/api/cases/${caseId}/referrals`, shelterReferral(shelterId, ['sex']))).json() as ReferralDetail;
    const full = await shelter.post(`/api/referrals/${second.id}/accept`);
    expect(full.statusCode).toBe(409);
    expect(full.json().error.details.reason).toBe('shelter_full');
  });
});

describe('closure', () => {
  it('refuses to close a case with open referrals unless asked to cancel them', async () => {
    const version = (await responder.get(`/api/cases/${caseId}`)).json().version as number;
    const blocked = await responder.post(`/api/cases/${caseId}/close`, { version, closureReason: 'ReintegrationCompleted' });
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().error.details).toMatchObject({ reason: 'open_referrals' });
    expect(blocked.json().error.details.openReferrals).toHaveLength(2);
    const closed = await responder.post(`/api/cases/${caseId}/close`, { version, closureReason: 'ReintegrationCompleted', closureNote: 'Back with family', cancelOpenReferrals: true });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'Closed', cancelledReferrals: 2 });
    expect(await beds()).toBe(0);
    expect((await responder.get(`/api/cases/${caseId}`)).json()).toMatchObject({ status: 'Closed', closureReason: 'ReintegrationCompleted' });
    expect((await responder.post(`/api/cases/${caseId}/referrals`, shelterReferral(shelterId, ['sex']))).statusCode).toBe(409);
  });
});
