import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSanad, type TestClient, type TestSanad } from '../test/harness.js';
import { openCaseVia } from '../referrals/test-helpers.js';

/**
 * A case's care records (services, plans, follow-ups, return, its referrals)
 * are case content: each read leaves one row on the case, in the same
 * transaction, and a refused read leaves none. Closing writes one row and
 * moves the version once.
 */
let sanad: TestSanad;
let responder: TestClient;
let casemanager: TestClient;
let caseId: string;

const query = async (text: string, values: unknown[] = []) => (await sanad.ctx.database.pool.query(text, values)).rows;
const rowsOf = async (action: string, id: string) =>
  (await query(`SELECT count(*)::int AS n FROM audit_events WHERE action = $1 AND resource_type = 'case' AND resource_id = $2`, [action, id]))[0].n as number;

beforeAll(async () => {
  sanad = await startTestSanad({ demo: true });
  [responder, casemanager] = [await sanad.signIn('responder'), await sanad.signIn('casemanager')];
  caseId = await openCaseVia(responder);
});
afterAll(async () => sanad?.close());

describe('reads of care records', () => {
  const reads = [
    ['services', 'service.listed'],
    ['support-plans', 'supportPlan.listed'],
    ['follow-ups', 'followUp.listed'],
    ['return', 'return.viewed'],
    ['referrals', 'referral.listed'],
  ] as const;

  it.each(reads)('GET /api/cases/:id/%s writes one %s row on the case', async (part, action) => {
    const before = await rowsOf(action, caseId);
    const response = await responder.get(`/api/cases/${caseId}/${part}`);
    expect(response.statusCode, response.body).toBe(200);
    expect(await rowsOf(action, caseId)).toBe(before + 1);
  });

  it.each(reads)('a refused read of %s (case outside the scope) writes no %s row', async (part, action) => {
    const before = await rowsOf(action, caseId);
    // The case manager is not assigned to the responder's case: it does not exist for them.
    expect((await casemanager.get(`/api/cases/${caseId}/${part}`)).statusCode).toBe(404);
    expect(await rowsOf(action, caseId)).toBe(before);
  });
});

describe('closing a case', () => {
  it('moves the version once and writes one closure row, then refuses a second closing', async () => {
    const closable = await openCaseVia(responder);
    const { version } = (await responder.get(`/api/cases/${closable}`)).json() as { version: number };
    const stale = await responder.post(`/api/cases/${closable}/close`, { version: version + 1, closureReason: 'ReintegrationCompleted' });
    expect(stale.statusCode).toBe(409);

    const closed = await responder.post(`/api/cases/${closable}/close`, { version, closureReason: 'ReintegrationCompleted', closureNote: 'Back with her family' });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toEqual({ id: closable, status: 'Closed', version: version + 1, cancelledReferrals: 0 });
    expect(await rowsOf('case.closed', closable)).toBe(1);

    const again = await responder.post(`/api/cases/${closable}/close`, { version: version + 1, closureReason: 'ReintegrationCompleted' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details.reason).toBe('case_closed');
    const detail = (await responder.get(`/api/cases/${closable}`)).json() as { status: string; closureReason: string; closureNote: string | null };
    expect(detail).toMatchObject({ status: 'Closed', closureReason: 'ReintegrationCompleted', closureNote: 'Back with her family' });
  });
});
