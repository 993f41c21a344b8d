import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ReferralDetail } from '@shared/api/referrals.js';
import { startTestSanad, type TestClient, type TestSanad } from '../test/harness.js';
import { pathwayHealthFigures } from '../worklists/pathway-health.js';
import { startReferralSweeps, sweepOverdueReferrals } from './referral-sweeps.js';
import { consentVia, createTestProviders, openCaseVia, shelterReferral } from './test-helpers.js';

let sanad: TestSanad;
let responder: TestClient;
let casemanager: TestClient;
let shelter: TestClient;
let admin: TestClient;
let shelterId: string;
const caseIds: string[] = [];

const query = async (text: string, values: unknown[] = []) => (await sanad.ctx.database.pool.query(text, values)).rows;
const HOUR = 3_600_000;

async function refer(caseId: string, urgency: 'emergency' | 'urgent' | 'routine'): Promise<ReferralDetail> {
  const response = await responder.post(`/api/cases/${caseId}/referrals`, shelterReferral(shelterId, ['sex'], { urgency }));
  if (response.statusCode !== 201) throw new Error(response.body);
  return response.json() as ReferralDetail;
}

beforeAll(async () => {
  sanad = await startTestSanad({ demo: true });
  [responder, casemanager, shelter, admin] = [await sanad.signIn('responder'), await sanad.signIn('casemanager'), await sanad.signIn('shelter'), await sanad.signIn('admin')];
  const setup = await createTestProviders(sanad, admin, shelter, 10);
  shelterId = setup.shelterId;
  // Three presumed or identified victims and one possible one; two get referred.
  for (const traffickingStatus of ['presumed', 'identified', 'presumed', 'possible']) caseIds.push(await openCaseVia(responder, { traffickingStatus }));
  for (const id of caseIds.slice(0, 2)) await consentVia(responder, id, setup.agency.get('shelter')!);
});
afterAll(async () => sanad?.close());

describe('overdue sweep', () => {
  it('alerts the sender and the coordinator once per overdue referral, never before it is due', async () => {
    const emergency = await refer(caseIds[0]!, 'emergency');
    const routine = await refer(caseIds[1]!, 'routine');
    const sentAt = new Date(emergency.sentAt);
    expect(await sweepOverdueReferrals(sanad.ctx.database.db, new Date(sentAt.getTime() + HOUR))).toEqual({ referralAlerts: 0, followUpAlerts: 0 });
    // Three hours later the emergency (2 h) is late, the routine one (72 h) is not.
    const later = new Date(sentAt.getTime() + 3 * HOUR);
    expect((await sweepOverdueReferrals(sanad.ctx.database.db, later)).referralAlerts).toBe(2);
    expect((await sweepOverdueReferrals(sanad.ctx.database.db, later)).referralAlerts).toBe(0);
    const rows = await query(`SELECT u.username, n.params FROM notifications n JOIN users u ON u.id = n.user_id WHERE n.kind = 'referral_overdue' AND n.resource_id = $1 ORDER BY u.username`, [emergency.id]);
    expect(rows.map((r) => r.username)).toEqual(['coordinator', 'responder']);
    expect(rows[0].params).not.toHaveProperty('caseNumber');
    expect(rows[1].params.caseNumber).toMatch(/^SAN-/);
    expect((await query(`SELECT count(*)::int AS n FROM notifications WHERE kind = 'referral_overdue' AND resource_id = $1`, [routine.id]))[0].n).toBe(0);
  });

  it('uses the response times the administrator configures', async () => {
    expect((await responder.get('/api/referrals/settings')).statusCode).toBe(403);
    const saved = await admin.request('PUT', '/api/referrals/settings', { responseHours: { emergency: 1, urgent: 12, routine: 4 } });
    expect(saved.statusCode, saved.body).toBe(200);
    const routine = (await query(`SELECT sent_at FROM referrals WHERE urgency = 'routine'`))[0].sent_at as Date;
    expect((await sweepOverdueReferrals(sanad.ctx.database.db, new Date(routine.getTime() + 5 * HOUR))).referralAlerts).toBe(2);
    await admin.request('PUT', '/api/referrals/settings', { responseHours: { emergency: 2, urgent: 24, routine: 72 } });
  });

  it('alerts the assignee of an overdue follow-up once', async () => {
    const tomorrow = new Date(Date.now() + 24 * HOUR).toISOString().slice(0, 10);
    const created = await responder.post(`/api/cases/${caseIds[2]}/follow-ups`, { dueDate: tomorrow, purpose: 'Call the victim about the hearing' });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().items[0]).toMatchObject({ dueDate: tomorrow, overdue: false });
    const inThreeDays = new Date(Date.now() + 72 * HOUR);
    expect((await sweepOverdueReferrals(sanad.ctx.database.db, inThreeDays)).followUpAlerts).toBe(1);
    expect((await sweepOverdueReferrals(sanad.ctx.database.db, inThreeDays)).followUpAlerts).toBe(0);
    const [row] = await query(`SELECT u.username, n.params FROM notifications n JOIN users u ON u.id = n.user_id WHERE n.kind = 'followup_overdue'`);
    expect(row.username).toBe('responder');
    expect(row.params).toEqual({ caseNumber: expect.stringMatching(/^SAN-/), dueDate: tomorrow });
    expect((await query('SELECT purpose_enc FROM case_follow_ups'))[0].purpose_enc).not.toMatch(/hearing/);
  });

  it('runs on a timer that can be stopped', async () => {
    // A follow-up due yesterday that no sweep has seen: only a sweep the timer starts can raise its alert.
    const tomorrow = new Date(Date.now() + 24 * HOUR).toISOString().slice(0, 10);
    expect((await responder.post(`/api/cases/${caseIds[3]}/follow-ups`, { dueDate: tomorrow, purpose: 'Check the shelter place' })).statusCode).toBe(201);
    const [followUp] = await query(`UPDATE case_follow_ups SET due_date = current_date - 1 WHERE case_id = $1 RETURNING id`, [caseIds[3]]);
    const alerts = async () => (await query(`SELECT count(*)::int AS n FROM notifications WHERE dedupe_key = $1`, [`followup-overdue:${followUp.id}`]))[0].n as number;
    // Fake timers only (the clock and the database stay real); each sweep is one transaction, counted as it starts.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
    const sweeps = vi.spyOn(sanad.ctx.database.db, 'transaction');
    const sweepFinished = async (index: number) => {
      await sweeps.mock.results[index]!.value;
      // Lets the task see its sweep end (it skips a tick while the previous sweep still runs).
      await new Promise((resolve) => setImmediate(resolve));
    };
    let stop: (() => void) | undefined;
    try {
      stop = startReferralSweeps(sanad.ctx, { intervalMs: 1_000 });
      expect(sweeps).not.toHaveBeenCalled();
      await vi.advanceTimersByTimeAsync(1_000);
      expect(sweeps).toHaveBeenCalledTimes(1);
      await sweepFinished(0);
      expect(await alerts()).toBe(1);
      await vi.advanceTimersByTimeAsync(1_000);
      expect(sweeps).toHaveBeenCalledTimes(2);
      await sweepFinished(1);
      stop();
      await vi.advanceTimersByTimeAsync(5_000);
      expect(sweeps).toHaveBeenCalledTimes(2);
      expect(await alerts()).toBe(1);
    } finally {
      stop?.();
      sweeps.mockRestore();
      vi.useRealTimers();
      // Done, so the work-list tests below find only the overdue follow-up they add.
      await query(`UPDATE case_follow_ups SET done_at = now() WHERE id = $1`, [followUp.id]);
    }
  });
});

describe('pathway health', () => {
  it('counts waiting referrals by urgency, time to acceptance and victims not yet referred, with no identities', async () => {
    const [emergency] = await query(`SELECT id FROM referrals WHERE urgency = 'emergency'`);
    await query(`UPDATE referrals SET sent_at = now() - interval '30 minutes' WHERE id = $1`, [emergency.id]);
    expect((await shelter.post(`/api/referrals/${emergency.id}/accept`)).statusCode).toBe(200);
    const urgent = await refer(caseIds[0]!, 'urgent');
    await query(`UPDATE referrals SET sent_at = now() - interval '90 minutes' WHERE id = $1`, [urgent.id]);
    expect((await shelter.post(`/api/referrals/${urgent.id}/accept`)).statusCode).toBe(200);
    const third = await refer(caseIds[0]!, 'urgent');
    await query(`UPDATE referrals SET sent_at = now() - interval '10 hours' WHERE id = $1`, [third.id]);
    expect((await shelter.post(`/api/referrals/${third.id}/accept`)).statusCode).toBe(200);
    // One accepted long ago falls outside the 90-day window.
    await query(`UPDATE referrals SET sent_at = now() - interval '200 days', accepted_at = now() - interval '199 days' WHERE id = $1`, [third.id]);

    const figures = await pathwayHealthFigures(sanad.ctx.database.db, new Date());
    expect(figures.waitingByUrgency).toEqual({ emergency: 0, urgent: 0, routine: 1 });
    expect(figures.acceptance.accepted).toBe(2);
    expect(figures.acceptance.averageMinutes).toBeCloseTo(60, 0);
    expect(figures.acceptance.medianMinutes).toBeCloseTo(60, 0);
    // Presumed/identified open cases: 0 and 1 are referred, 2 is not; 3 is only "possible".
    expect(figures.victimsNotReferred).toBe(1);
    expect(figures.overridesPendingReview).toBe(0);
  });
});

describe('work lists and care records', () => {
  it('puts cases with overdue items first on the case worker list', async () => {
    const yesterday = new Date(Date.now() - 24 * HOUR).toISOString().slice(0, 10);
    await query(`INSERT INTO case_follow_ups (case_id, due_date, purpose_enc, created_by) SELECT $1, $2, 'x', created_by FROM cases WHERE id = $1`, [caseIds[3], yesterday]);
    const list = (await responder.get('/api/worklists/case-manager')).json();
    expect(list.total).toBe(4);
    expect(list.items[0]).toMatchObject({ caseId: caseIds[3], overdueFollowUps: 1 });
    expect((await casemanager.get('/api/worklists/case-manager')).json().total).toBe(0);
  });

  it("shows the shelter its queue (unanswered first) and its beds", async () => {
    const work = (await shelter.get('/api/worklists/shelter')).json();
    expect(work.incoming[0]).toMatchObject({ status: 'sent', caseId: null });
    expect(work.beds).toEqual([expect.objectContaining({ providerId: shelterId, bedsTotal: 10, bedsOccupied: 3, freeBeds: 7 })]);
  });

  it('keeps support plans with version checks and a return plan with milestones', async () => {
    const created = await responder.post(`/api/cases/${caseIds[0]}/support-plans`, { type: 'Health', objectives: 'Medical follow-up for injuries', plannedEndDate: '2026-09-30' });
    expect(created.statusCode, created.body).toBe(201);
    const plan = created.json().items[0];
    const updated = await responder.patch(`/api/cases/${caseIds[0]}/support-plans/${plan.id}`, { version: plan.version, actualEndDate: '2026-08-15' });
    expect(updated.json().items[0]).toMatchObject({ actualEndDate: '2026-08-15', version: 2 });
    const stale = await responder.patch(`/api/cases/${caseIds[0]}/support-plans/${plan.id}`, { version: plan.version, objectives: 'Overwrite' });
    expect(stale.statusCode).toBe(409);
    expect((await query('SELECT objectives_enc FROM support_plans'))[0].objectives_enc).not.toMatch(/injuries/);

    const saved = await responder.request('PUT', `/api/cases/${caseIds[0]}/return`, {
      version: 0, status: 'planned', returnCountry: 'NG', returnDate: '2026-10-01', iomInvolved: true,
      milestones: [{ kind: 'reception_on_arrival', targetDate: '2026-10-01' }, { kind: 'vocational_training', targetDate: '2027-01-15' }],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().plan).toMatchObject({ status: 'planned', iomInvolved: true, version: 1, milestones: [{ kind: 'reception_on_arrival' }, { kind: 'vocational_training' }] });
    const again = await responder.request('PUT', `/api/cases/${caseIds[0]}/return`, { version: 0, status: 'planned', returnCountry: 'NG' });
    expect(again.statusCode).toBe(409);
    expect((await casemanager.get(`/api/cases/${caseIds[0]}/return`)).statusCode).toBe(404);
  });
});
