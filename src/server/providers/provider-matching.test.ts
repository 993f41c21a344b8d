import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProviderInput, ProviderMatch } from '@shared/api/providers.js';
import { startTestSanad, type TestClient, type TestSanad } from '../test/harness.js';
import { seedProvidersDemo } from './providers-demo.js';
import { createProviderVia, demoAgencyIds } from './test-helpers.js';

let sanad: TestSanad;
let admin: TestClient;
let caseManager: TestClient;
let shelterUser: TestClient;

/** A shelter of the demo shelter agency, so the shelter user may report its beds. */
async function shelter(name: string, fields: Partial<ProviderInput>, beds?: { total: number; occupied: number }): Promise<string> {
  const agencyId = (await demoAgencyIds(sanad)).get('shelter')!;
  const { id } = await createProviderVia(admin, { agencyId, nameEn: name, services: ['shelter'], targetGroups: ['women'], ...fields });
  if (beds) {
    const response = await shelterUser.request('PUT', `/api/providers/${id}/capacity`, { bedsTotal: beds.total, bedsOccupied: beds.occupied, version: 0 });
    if (response.statusCode !== 200) throw new Error(response.body);
  }
  return id;
}

beforeAll(async () => {
  sanad = await startTestSanad({ demo: true });
  admin = await sanad.signIn('admin');
  caseManager = await sanad.signIn('casemanager');
  shelterUser = await sanad.signIn('shelter');
  await shelter('A best: Casablanca, free beds, English', { regions: ['MA-06'], languages: ['ar', 'en'] }, { total: 10, occupied: 6 });
  await shelter('B full: Casablanca, English', { regions: ['MA-06'], languages: ['en'] }, { total: 8, occupied: 8 });
  await shelter('C no English: Casablanca, free beds', { regions: ['MA-06'], languages: ['ar', 'fr'] }, { total: 8, occupied: 2 });
  await shelter('D neighbour: Rabat, free beds, English', { regions: ['MA-04'], languages: ['en'] }, { total: 5, occupied: 1 });
  await shelter('E far: Dakhla, free beds, English', { regions: ['MA-12'], languages: ['en'] }, { total: 5, occupied: 0 });
  await shelter('F national, no count', { servesNationally: true, languages: ['en'], targetGroups: ['men'] });
  await shelter('G inactive: Casablanca', { regions: ['MA-06'], languages: ['en'], active: false }, { total: 50, occupied: 0 });
  const agencyId = (await demoAgencyIds(sanad)).get('legalaid')!;
  await createProviderVia(admin, { agencyId, nameEn: 'H legal aid: Casablanca, English', regions: ['MA-06'], languages: ['en'], targetGroups: ['women'], services: ['legal_aid'] });
});

afterAll(async () => {
  await sanad?.close();
});

describe('matching providers to a need', () => {
  const match = async (query: string) => {
    const response = await caseManager.get(`/api/providers/match?${query}`);
    expect(response.statusCode).toBe(200);
    return response.json() as { items: ProviderMatch[]; total: number };
  };

  it('ranks the shelter in the region, with free beds and the language, first, and explains why', async () => {
    const { items, total } = await match('service=shelter&region=MA-06&targetGroup=women&language=en');
    expect(total).toBe(6);
    expect(items.map((p) => p.name)).toEqual([
      'A best: Casablanca, free beds, English', // 40 + 20 + 15 + 25
      'C no English: Casablanca, free beds', // 40 + 20 + 0 + 25
      'D neighbour: Rabat, free beds, English', // 20 + 20 + 15 + 25
      'B full: Casablanca, English', // 40 + 20 + 15 + 0
      'E far: Dakhla, free beds, English', // 0 + 20 + 15 + 25
      'F national, no count', // 30 + 0 + 15 + 0
    ]);
    expect(items[0]!.score).toEqual({
      total: 100,
      region: { match: 'region', points: 40 },
      targetGroup: { match: true, points: 20 },
      language: { match: true, points: 15 },
      capacity: { freeBeds: 4, points: 25 },
    });
    expect(items.find((p) => p.name.startsWith('B'))!.score.capacity).toEqual({ freeBeds: 0, points: 0 });
    expect(items.find((p) => p.name.startsWith('D'))!.score.region).toEqual({ match: 'neighbour', points: 20 });
    expect(items.find((p) => p.name.startsWith('F'))!.score).toMatchObject({ region: { match: 'national' }, capacity: { freeBeds: null, points: 0 } });
  });

  it('requires the service and leaves unasked criteria out of the score', async () => {
    const { items } = await match('service=legal_aid');
    expect(items.map((p) => p.name)).toEqual(['H legal aid: Casablanca, English']);
    expect(items[0]!.score).toEqual({
      total: 0,
      region: { match: null, points: 0 },
      targetGroup: { match: null, points: 0 },
      language: { match: null, points: 0 },
      capacity: { freeBeds: null, points: 0 },
    });
  });

  it('takes missing criteria from a case in scope, and answers 404 for a case out of scope', async () => {
    const pool = sanad.ctx.database.pool;
    const { rows: people } = await pool.query(`SELECT id, username, agency_id FROM users WHERE username IN ('casemanager', 'responder')`);
    const user = (name: string) => people.find((u) => u.username === name)!;
    const newCase = async (owner: { id: string; agency_id: string }, number: string) => {
      const person = await pool.query(`INSERT INTO persons (sex, languages, citizenships) VALUES ('Feminine', '{en,fr}', '{NG}') RETURNING id`);
      const created = await pool.query(
        `INSERT INTO cases (case_number, person_id, owner_agency_id, created_by, region, age_when_trafficked) VALUES ($1, $2, $3, $4, 'MA-06', 24) RETURNING id`,
        [number, person.rows[0].id, owner.agency_id, owner.id],
      );
      return created.rows[0].id as string;
    };
    const own = await newCase(user('casemanager'), 'TEST-MATCH-1');
    const body = (await caseManager.get(`/api/providers/match?service=shelter&caseId=${own}`)).json();
    expect(body.criteria).toEqual({ service: 'shelter', region: 'MA-06', targetGroup: 'women', language: 'en' });
    expect(body.items[0].name).toBe('A best: Casablanca, free beds, English');
    const overridden = (await caseManager.get(`/api/providers/match?service=shelter&caseId=${own}&language=fr`)).json();
    expect(overridden.criteria.language).toBe('fr');
    const other = await newCase(user('responder'), 'TEST-MATCH-2');
    expect((await caseManager.get(`/api/providers/match?service=shelter&caseId=${other}`)).statusCode).toBe(404);
  });

  it('needs a service, and is for those who refer', async () => {
    expect((await caseManager.get('/api/providers/match?region=MA-06')).statusCode).toBe(400);
    expect((await shelterUser.get('/api/providers/match?service=shelter')).statusCode).toBe(403);
    expect((await sanad.anonymous().get('/api/providers/match?service=shelter')).statusCode).toBe(401);
  });
});

describe('demo directory', () => {
  it('seeds providers for the demo agencies, creating the extra ones', async () => {
    const agencyIds = await demoAgencyIds(sanad);
    const providerIds = await sanad.ctx.database.db.transaction((tx) => seedProvidersDemo(tx, sanad.ctx, agencyIds));
    expect(providerIds.size).toBe(10);
    expect(agencyIds.has('ngo_oujda')).toBe(true);
    const oujda = (await caseManager.get(`/api/providers/${providerIds.get('ngo_oujda')}`)).json();
    expect(oujda).toMatchObject({ regions: ['MA-02'], capacity: { bedsTotal: 30, bedsOccupied: 27, freeBeds: 3 } });
    const { items } = await match('service=shelter&region=MA-11&language=es');
    // Every demo provider and agency is named in each language; the case manager reads Arabic.
    expect(items[0]).toMatchObject({ name: 'مركز حماية النساء بالعيون', nameFr: 'Centre de protection des femmes de Laâyoune', agencyName: 'مركز حماية النساء بالعيون' });
    const named = (table: string, ids: string[]) =>
      sanad.ctx.database.pool.query(`SELECT count(*)::int AS n FROM ${table} WHERE id = ANY($1) AND num_nonnulls(name_ar, name_fr, name_en) = 3`, [ids]);
    expect((await named('service_providers', [...providerIds.values()])).rows[0].n).toBe(10);
    expect((await named('agencies', [...agencyIds.values()])).rows[0].n).toBe(agencyIds.size);
  });

  const match = async (query: string) => (await caseManager.get(`/api/providers/match?${query}`)).json() as { items: ProviderMatch[] };
});
