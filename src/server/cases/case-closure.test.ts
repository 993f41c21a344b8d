import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenReferralOfClosure } from '@shared/api/case-closure.js';
import { startTestSanad, type TestClient, type TestSanad } from '../test/harness.js';
import { consentVia, createTestProviders, openCaseVia, shelterReferral } from '../referrals/test-helpers.js';

let sanad: TestSanad;
let responder: TestClient;
let shelter: TestClient;
let shelterId: string;
let shelterAgencyId: string;

const query = async (text: string, values: unknown[] = []) => (await sanad.ctx.database.pool.query(text, values)).rows;
const beds = async () => (await query('SELECT beds_occupied FROM shelter_capacity WHERE provider_id = $1', [shelterId]))[0].beds_occupied as number;
const versionOf = async (client: TestClient, caseId: string) => (await client.get(`/api/cases/${caseId}`)).json().version as number;
const close = (client: TestClient, caseId: string, version: number) => client.post(`/api/cases/${caseId}/close`, { version, closureReason: 'ReintegrationCompleted' });

/** A case with one shelter referral the shelter accepted and started: a placement in progress. */
async function caseWithPlacement(): Promise<{ caseId: string; referralId: string }> {
  const caseId = await openCaseVia(responder);
  await consentVia(responder, caseId, shelterAgencyId);
  const sent = await responder.post(`/api/cases/${caseId}/referrals`, shelterReferral(shelterId, ['sex']));
  expect(sent.statusCode, sent.body).toBe(201);
  const referralId = sent.json().id as string;
  expect((await shelter.post(`/api/referrals/${referralId}/accept`)).statusCode).toBe(200);
  expect((await shelter.post(`/api/referrals/${referralId}/start`)).statusCode).toBe(200);
  return { caseId, referralId };
}

beforeAll(async () => {
  sanad = await startTestSanad({ demo: true });
  responder = await sanad.signIn('responder');
  shelter = await sanad.signIn('shelter');
  const admin = await sanad.signIn('admin');
  const setup = await createTestProviders(sanad, admin, shelter, 10);
  shelterId = setup.shelterId;
  shelterAgencyId = setup.agency.get('shelter')!;
});
afterAll(async () => sanad?.close());

describe('closing a case with an open referral', () => {
  it('is refused with the true reason and the open referrals, not as a stale record, and ends nothing', async () => {
    const { caseId, referralId } = await caseWithPlacement();
    const bedsBefore = await beds();
    const version = await versionOf(responder, caseId);
    const refused = await close(responder, caseId, version);
    expect(refused.statusCode).toBe(409);
    const { error } = refused.json();
    expect(error.code).toBe('CONFLICT');
    expect(error.details.reason).toBe('open_referrals');
    const open = error.details.openReferrals as OpenReferralOfClosure[];
    expect(open).toEqual([
      expect.objectContaining({ id: referralId, providerName: 'Dar Al Amane test shelter', serviceType: 'shelter', status: 'in_progress', bedHeld: true, actions: ['cancel'] }),
    ]);
    // Nothing changed: the placement continues, the case is open at the same version.
    expect(await beds()).toBe(bedsBefore);
    expect((await query('SELECT status FROM referrals WHERE id = $1', [referralId]))[0].status).toBe('in_progress');
    const after = (await responder.get(`/api/cases/${caseId}`)).json();
    expect(after).toMatchObject({ status: 'Active', version });
  });

  it('says open_referrals even when the version sent is also stale: the referrals are the reason to act on', async () => {
    const { caseId } = await caseWithPlacement();
    const refused = await close(responder, caseId, (await versionOf(responder, caseId)) + 1);
    expect(refused.json().error.details.reason).toBe('open_referrals');
  });

  it('offers the sender only the moves its routes allow: cancel, never complete', async () => {
    // The sender may cancel; only the receiver completes, through its own routes: the list says so.
    const { caseId } = await caseWithPlacement();
    const refused = await close(responder, caseId, await versionOf(responder, caseId));
    const [open] = refused.json().error.details.openReferrals as OpenReferralOfClosure[];
    expect(open!.actions).not.toContain('complete');
  });

  it('closes once each referral is handled through its own route: completed by the provider, or cancelled by the sender', async () => {
    const completed = await caseWithPlacement();
    expect((await shelter.post(`/api/referrals/${completed.referralId}/complete`)).statusCode).toBe(200);
    const closedAfterCompletion = await close(responder, completed.caseId, await versionOf(responder, completed.caseId));
    expect(closedAfterCompletion.statusCode, closedAfterCompletion.body).toBe(200);
    expect(closedAfterCompletion.json()).toMatchObject({ status: 'Closed', cancelledReferrals: 0 });

    const cancelled = await caseWithPlacement();
    const bedsBefore = await beds();
    expect((await responder.post(`/api/referrals/${cancelled.referralId}/cancel`, { note: null })).statusCode).toBe(200);
    expect(await beds()).toBe(bedsBefore - 1);
    const closed = await close(responder, cancelled.caseId, await versionOf(responder, cancelled.caseId));
    expect(closed.statusCode, closed.body).toBe(200);
    const [row] = await query(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'case.closed' AND resource_id = $1`, [cancelled.caseId]);
    expect(row.n).toBe(1);
  });

  it('still answers a stale version as one when no referral is open', async () => {
    const caseId = await openCaseVia(responder);
    const version = await versionOf(responder, caseId);
    const stale = await close(responder, caseId, version + 1);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.reason).toBe('stale_version');
    expect((await close(responder, caseId, version)).statusCode).toBe(200);
  });
});
