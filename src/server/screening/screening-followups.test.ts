import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IndicatorSet, NextSteps, ProactiveCoverage } from '@shared/api/screening.js';
import { startTestSanad, type TestClient, type TestSanad } from '../test/harness.js';

/*
 * What follows a screening interview: saving it with its decision in one step,
 * next steps for a smuggled migrant, proactive coverage for the coordinator, and
 * new indicator set versions from the administrator's screen.
 */

let sanad: TestSanad;
let responder: TestClient;
let admin: TestClient;
let coordinator: TestClient;
let analyst: TestClient;
let current: IndicatorSet;

const SMUGGLING = ['smg_paid_for_crossing', 'smg_chose_journey', 'smg_irregular_entry'];
const OUJDA = { context: 'proactive', campaignName: 'Oujda outreach', vulnerableGroup: 'undocumented_migrants', region: 'MA-02', province: 'MA-OUJ', screenedOn: '2026-03-10' };
const ADULT_MAN = { ageBand: '25_34', isChild: false, sex: 'Masculine', nationality: 'GN', language: 'fr' };

function answers(yes: string[]): Record<string, string> {
  return Object.fromEntries(current.indicators.map((i) => [i.code, yes.includes(i.code) ? 'yes' : 'no']));
}

async function query<T>(text: string, values: unknown[] = []): Promise<T[]> {
  return (await sanad.ctx.database.pool.query(text, values)).rows as T[];
}

beforeAll(async () => {
  sanad = await startTestSanad({ demo: true, pathway: true });
  [responder, admin, coordinator, analyst] = [await sanad.signIn('responder'), await sanad.signIn('admin'), await sanad.signIn('coordinator'), await sanad.signIn('analyst')];
  current = (await responder.get('/api/screening/indicator-sets/current')).json();
});
afterAll(async () => sanad?.close());

describe('saving an interview with its decision', () => {
  let smuggledId: string;

  it('saves the answers and the confirmed outcome together, audited as both', async () => {
    const saved = await responder.post('/api/screenings', { indicatorSetId: current.id, ...ADULT_MAN, ...OUJDA, answers: answers(SMUGGLING), decision: { outcome: 'smuggled_migrant' } });
    expect(saved.statusCode, saved.body).toBe(201);
    expect(saved.json()).toMatchObject({ suggestedOutcome: 'smuggled_migrant', outcome: 'smuggled_migrant', decisionStatus: 'confirmed', version: 2 });
    smuggledId = saved.json().id;
    const actions = await query<{ action: string }>(`SELECT action FROM audit_events WHERE resource_id = $1 ORDER BY id`, [smuggledId]);
    expect(actions.map((a) => a.action)).toEqual(['screening.created', 'screening.decided']);
  });

  it('refuses an override without a reason and then saves nothing', async () => {
    const [before] = await query<{ n: number }>('SELECT count(*)::int AS n FROM screenings');
    const bare = await responder.post('/api/screenings', { indicatorSetId: current.id, ...ADULT_MAN, ...OUJDA, answers: answers([]), decision: { outcome: 'possible_victim' } });
    expect(bare.statusCode).toBe(400);
    expect(bare.json().error.details.issues).toEqual([{ field: 'reason', reason: 'required' }]);
    expect((await query<{ n: number }>('SELECT count(*)::int AS n FROM screenings'))[0]!.n).toBe(before!.n);
  });

  it('suggests IOM return, health care and asylum information for a smuggled migrant, from the directory', async () => {
    const response = await responder.get(`/api/screenings/${smuggledId}/next-steps`);
    expect(response.statusCode, response.body).toBe(200);
    const steps = response.json() as NextSteps;
    expect(steps).toMatchObject({ applies: true, region: 'MA-02', caseId: null });
    expect(steps.steps.map((s) => [s.need, s.service])).toEqual([['voluntary_return', 'voluntary_return'], ['health', 'medical'], ['asylum_information', 'legal_aid']]);
    for (const step of steps.steps) expect(step.providers.length).toBeGreaterThan(0);
    const [ret, health] = steps.steps;
    expect(ret!.providers[0]).toMatchObject({ agencyType: 'InternationalOrganisation', servesNationally: true });
    // A service in the screening's own region comes first.
    expect(health!.providers[0]).toMatchObject({ inRegion: true, city: 'Oujda' });
    // Each suggestion is a real active directory entry offering that service.
    const offered = await query<{ n: number }>(
      `SELECT count(*)::int AS n FROM provider_services ps JOIN service_providers p ON p.id = ps.provider_id WHERE p.active AND ps.service_type = 'medical' AND p.id = ANY($1::uuid[])`,
      [health!.providers.map((p) => p.id)],
    );
    expect(offered[0]!.n).toBe(health!.providers.length);
    const read = await query<{ details: { view: string } }>(`SELECT details FROM audit_events WHERE action = 'screening.viewed' AND resource_id = $1`, [smuggledId]);
    expect(read.map((r) => r.details.view)).toEqual(['nextSteps']);
  });

  it('suggests nothing for other outcomes, and nothing outside the reader\'s scope', async () => {
    const negative = (await responder.post('/api/screenings', { indicatorSetId: current.id, ...ADULT_MAN, ...OUJDA, answers: answers([]), decision: { outcome: 'not_a_victim' } })).json();
    expect((await responder.get(`/api/screenings/${negative.id}/next-steps`)).json()).toMatchObject({ applies: false, steps: [] });
    expect((await coordinator.get(`/api/screenings/${smuggledId}/next-steps`)).statusCode).toBe(403);
    expect((await admin.get(`/api/screenings/${smuggledId}/next-steps`)).statusCode).toBe(403);
  });
});

describe('proactive screening coverage', () => {
  it('counts by region, agency type, agency and outcome in one statement, adding up to the same total', async () => {
    const response = await coordinator.get('/api/screenings/coverage/proactive');
    expect(response.statusCode, response.body).toBe(200);
    const coverage = response.json() as ProactiveCoverage;
    const [expected] = await query<{ n: number }>(`SELECT count(*)::int AS n FROM screenings WHERE context = 'proactive'`);
    expect(coverage.total).toBe(expected!.n);
    expect(coverage.total).toBeGreaterThan(2);
    const sum = (rows: { count: number }[]) => rows.reduce((total, row) => total + row.count, 0);
    for (const rows of [coverage.byRegion, coverage.byAgencyType, coverage.byAgency, coverage.byOutcome]) expect(sum(rows)).toBe(coverage.total);
    const [migrants] = await query<{ n: number }>(`SELECT count(*)::int AS n FROM screenings WHERE context = 'proactive' AND coalesce(outcome, suggested_outcome) = 'smuggled_migrant'`);
    expect(coverage.byOutcome.find((row) => row.outcome === 'smuggled_migrant')?.count).toBe(migrants!.n);
    expect(coverage.byRegion.find((row) => row.region === 'MA-02')!.count).toBeGreaterThan(0);
    // Counts only: nothing that names or points to a screening.
    expect(JSON.stringify(coverage)).not.toMatch(/SCR-|campaign|Oujda outreach/);
    expect((await analyst.get('/api/screenings/coverage/proactive')).json().total).toBe(coverage.total);
  });

  it('filters by date in SQL, answers an empty range with zeros, and keeps each reader\'s scope', async () => {
    const day = (await coordinator.get('/api/screenings/coverage/proactive?from=2026-03-10&to=2026-03-10')).json() as ProactiveCoverage;
    const [onDay] = await query<{ n: number }>(`SELECT count(*)::int AS n FROM screenings WHERE context = 'proactive' AND screened_on = '2026-03-10'`);
    expect(day.total).toBe(onDay!.n);
    expect(day).toMatchObject({ from: '2026-03-10', to: '2026-03-10' });
    expect((await coordinator.get('/api/screenings/coverage/proactive?from=2031-01-01&to=2031-12-31')).json()).toEqual({
      from: '2031-01-01', to: '2031-12-31', total: 0, byRegion: [], byAgencyType: [], byAgency: [], byOutcome: [],
    });
    // A first responder's figures are their agency's.
    const own = (await responder.get('/api/screenings/coverage/proactive')).json() as ProactiveCoverage;
    expect(own.byAgency).toHaveLength(1);
    expect((await admin.get('/api/screenings/coverage/proactive')).statusCode).toBe(403);
    expect((await coordinator.get('/api/screenings/coverage/proactive?from=2026-02-31')).statusCode).toBe(400);
  });
});

describe('indicator set versions from the administrator', () => {
  const body = (edit: (set: IndicatorSet) => Partial<{ indicators: unknown[]; thresholds: unknown }>) => ({
    changeNote: 'Asylum question added',
    thresholds: current.thresholds,
    indicators: current.indicators,
    ...edit(current),
  });

  it('refuses an invalid version with closed reasons', async () => {
    const [first, second] = current.indicators;
    const bad = await admin.request('PUT', `/api/screening/indicator-sets/${current.id}`, body((set) => ({
      indicators: [...set.indicators, { ...first!, text: first!.text }, { ...second!, code: 'new_form_on_act', element: 'act', form: 'forced_labour' }],
      thresholds: { ...set.thresholds, possibleScore: set.thresholds.presumedScore + 1 },
    })));
    expect(bad.statusCode).toBe(400);
    const reasons = (bad.json().error.details.issues as { reason: string }[]).map((issue) => issue.reason).sort();
    expect(reasons).toEqual(['above_presumed', 'duplicate_code', 'form_without_purpose']);
    const noPurpose = await admin.request('PUT', `/api/screening/indicator-sets/${current.id}`, body((set) => ({ indicators: set.indicators.filter((i) => i.element !== 'purpose') })));
    expect(noPurpose.json().error.details.issues).toEqual([{ field: 'indicators', reason: 'missing_purpose' }]);
  });

  it('saves a copy of the active version as the next, which new screenings use; past screenings keep theirs', async () => {
    const [before] = await query<{ n: number }>(`SELECT count(*)::int AS n FROM screenings WHERE indicator_set_id = $1`, [current.id]);
    const added = {
      code: 'smg_asylum_wish', category: 'smuggling', element: 'smuggling', form: null, weight: 1, strong: false,
      text: { ar: 'هل يرغب الشخص في طلب اللجوء؟', fr: 'La personne souhaite-t-elle demander l’asile ?', en: 'Does the person wish to seek asylum?' },
    };
    const saved = await admin.request('PUT', `/api/screening/indicator-sets/${current.id}`, body((set) => ({ indicators: [...set.indicators, added] })));
    expect(saved.statusCode, saved.body).toBe(201);
    const next = saved.json() as IndicatorSet;
    expect(next).toMatchObject({ version: current.version + 1, isCurrent: true });
    expect(next.indicators.at(-1)).toMatchObject(added);
    expect((await responder.get('/api/screening/indicator-sets/current')).json().id).toBe(next.id);
    const versions = (await admin.get('/api/screening/indicator-sets')).json().items as { id: string; isCurrent: boolean; screeningCount: number }[];
    expect(versions.filter((v) => v.isCurrent).map((v) => v.id)).toEqual([next.id]);
    expect(versions.find((v) => v.id === current.id)!.screeningCount).toBe(before!.n);
    const [audit] = await query<{ actor_username: string; details: { version: number } }>(
      `SELECT actor_username, details FROM audit_events WHERE action = 'screening.indicatorSetCreated' AND resource_id = $1`, [next.id],
    );
    expect(audit).toMatchObject({ actor_username: 'admin', details: { version: next.version } });
    // Editing the old version again is stale.
    const stale = await admin.request('PUT', `/api/screening/indicator-sets/${current.id}`, body(() => ({})));
    expect(stale.json().error.details.reason).toBe('indicator_set_outdated');
  });
});
