import Fastify from 'fastify';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReferralDetail } from '@shared/api/referrals.js';
import { isErrorReason, type ErrorReason } from '@shared/error-reasons.js';
import type { ErrorCode } from '@shared/errors.js';
import { consentVia, createTestProviders, openCaseVia, shelterReferral } from '../referrals/test-helpers.js';
import { startTestSanad, type TestClient, type TestSanad } from '../test/harness.js';
import { AppError } from './app-error.js';
import { errorBody, installErrorHandler } from './error-handler.js';

const UNLISTED = 'error reason outside the closed list';

// Every line the server logs while this file runs: an unlisted reason is logged there.
const lines: string[] = [];
const destination = { write: (line: string) => void lines.push(line) };

let sanad: TestSanad;
let responder: TestClient;
let shelter: TestClient;
let shelterId: string;
let caseId: string;
// The referral refused for want of a bed, accepted once a bed is added.
let waitingReferral: string;

beforeAll(async () => {
  sanad = await startTestSanad({ demo: true, logDestination: destination });
  [responder, shelter] = [await sanad.signIn('responder'), await sanad.signIn('shelter')];
  const admin = await sanad.signIn('admin');
  const setup = await createTestProviders(sanad, admin, shelter, 1);
  shelterId = setup.shelterId;
  caseId = await openCaseVia(responder);
  await consentVia(responder, caseId, setup.agency.get('shelter')!);
});
afterAll(async () => sanad?.close());

/** Asserts the answer is `code` with `reason`, which the typing holds to the code's closed list. */
function expectReason<C extends ErrorCode>(response: LightMyRequestResponse, code: C, reason: ErrorReason<C>): void {
  const error = (response.json() as { error: { code: string; details?: { reason?: unknown } } }).error;
  expect(error.code, response.body).toBe(code);
  expect(error.details?.reason, response.body).toBe(reason);
  expect(isErrorReason(code, error.details?.reason)).toBe(true);
}

const refer = async (): Promise<string> => {
  const response = await responder.post(`/api/cases/${caseId}/referrals`, shelterReferral(shelterId, ['sex']));
  expect(response.statusCode, response.body).toBe(201);
  return (response.json() as ReferralDetail).id;
};
const capacity = async () => (await sanad.ctx.database.pool.query('SELECT beds_total, beds_occupied, version FROM shelter_capacity WHERE provider_id = $1', [shelterId])).rows[0] as { beds_total: number; beds_occupied: number; version: number };

describe('a full shelter is told it is full', () => {
  it('answers shelter_full, not a stale-version conflict, when the shelter accepts into its last bed taken', async () => {
    const first = await refer();
    expect((await shelter.post(`/api/referrals/${first}/accept`)).statusCode).toBe(200);
    waitingReferral = await refer();
    const full = await shelter.post(`/api/referrals/${waitingReferral}/accept`);
    expect(full.statusCode).toBe(409);
    expectReason(full, 'CONFLICT', 'shelter_full');
    expect(await capacity()).toMatchObject({ beds_total: 1, beds_occupied: 1 });
    expect((await shelter.get(`/api/referrals/${waitingReferral}`)).json()).toMatchObject({ status: 'sent' });
  });

  it('keeps a stale bed count apart (stale_version), and accepts once a bed is added', async () => {
    const stale = await shelter.request('PUT', `/api/providers/${shelterId}/capacity`, { bedsTotal: 2, bedsOccupied: 1, version: 1 });
    expect(stale.statusCode).toBe(409);
    expectReason(stale, 'CONFLICT', 'stale_version');
    const { version } = await capacity();
    const grown = await shelter.request('PUT', `/api/providers/${shelterId}/capacity`, { bedsTotal: 2, bedsOccupied: 1, version });
    expect(grown.statusCode, grown.body).toBe(200);
    expect((await shelter.post(`/api/referrals/${waitingReferral}/accept`)).statusCode).toBe(200);
  });
});

describe('other causes name their own reason', () => {
  it('a referral without consent, an illegal step, a duplicate username', async () => {
    const otherCase = await openCaseVia(responder);
    const noConsent = await responder.post(`/api/cases/${otherCase}/referrals`, shelterReferral(shelterId, ['sex']));
    expect(noConsent.statusCode).toBe(422);
    expectReason(noConsent, 'CONSENT_REQUIRED', 'no_consent');

    const sent = await refer();
    const early = await shelter.post(`/api/referrals/${sent}/complete`);
    expect(early.statusCode).toBe(409);
    expectReason(early, 'CONFLICT', 'referral_invalid_transition');

    const admin = await sanad.signIn('admin');
    const agencyId = (await sanad.ctx.database.pool.query<{ id: string }>('SELECT id FROM agencies LIMIT 1')).rows[0]!.id;
    const taken = await admin.post('/api/users', { username: 'responder', displayName: 'Copy', agencyId, roles: ['first_responder'], locale: 'fr' });
    expect(taken.statusCode).toBe(409);
    expectReason(taken, 'CONFLICT', 'username_taken');
  });

  it('logged no reason outside the closed list while this file ran', () => {
    expect(lines.filter((line) => line.includes(UNLISTED))).toEqual([]);
  });
});

describe('a reason forced past the typing', () => {
  // Only a cast can build this; the error handler must not let it reach the web.
  const forced = () => new AppError('CONFLICT', 'forced', { reason: 'bed_shortage' as ErrorReason<'CONFLICT'>, beds: 0 });

  it('is left out of the body, keeping the code and the other details', () => {
    expect(errorBody(forced())).toEqual({ error: { code: 'CONFLICT', message: 'forced', details: { beds: 0 } } });
    const listed = new AppError('CONFLICT', 'full', { reason: 'shelter_full' });
    expect(errorBody(listed).error.details).toEqual({ reason: 'shelter_full' });
  });

  it('is logged as an error by the handler', async () => {
    const logged: string[] = [];
    const app = Fastify({ logger: { level: 'error', stream: { write: (line: string) => void logged.push(line) } } });
    installErrorHandler(app);
    app.get('/forced', async () => {
      throw forced();
    });
    const response = await app.inject({ method: 'GET', url: '/forced' });
    await app.close();
    expect(response.statusCode).toBe(409);
    expect(response.json().error.details).toEqual({ beds: 0 });
    expect(logged.join('\n')).toContain(UNLISTED);
    expect(logged.join('\n')).toContain('bed_shortage');
  });
});
