import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Provider, ServiceTypeCount } from '@shared/api/providers.js';
import { startTestSanad, type TestClient, type TestSanad } from '../test/harness.js';
import { createProviderVia, demoAgencyIds } from './test-helpers.js';

let sanad: TestSanad;
let admin: TestClient;
let responder: TestClient;
let shelterUser: TestClient;
let legalaidUser: TestClient;
let caseManager: TestClient; // reads Arabic; the responder reads French
const ids: Record<'darAmane' | 'adala' | 'iom' | 'oujda', string> = { darAmane: '', adala: '', iom: '', oujda: '' };

const names = (body: { items: Provider[] }) => body.items.map((p) => p.name).sort();

beforeAll(async () => {
  sanad = await startTestSanad({ demo: true });
  admin = await sanad.signIn('admin');
  responder = await sanad.signIn('responder');
  shelterUser = await sanad.signIn('shelter');
  legalaidUser = await sanad.signIn('legalaid');
  caseManager = await sanad.signIn('casemanager');
  const agency = await demoAgencyIds(sanad);
  ids.darAmane = (
    await createProviderVia(admin, {
      agencyId: agency.get('shelter')!, nameEn: 'Dar Al Amane shelter', city: 'Casablanca', description: 'Hébergement sécurisé', regions: ['MA-06'],
      languages: ['ar', 'ary', 'fr'], targetGroups: ['women', 'girls'], services: ['shelter', 'psychosocial'],
    })
  ).id;
  ids.adala = (
    await createProviderVia(admin, {
      agencyId: agency.get('legalaid')!, nameEn: 'Adala legal aid', city: 'Rabat', regions: ['MA-04', 'MA-06'],
      languages: ['ar', 'fr', 'en'], targetGroups: ['women', 'men', 'foreigners'], services: ['legal_aid'],
      contactEmail: 'contact@adala.example.ma',
    })
  ).id;
  ids.iom = (
    await createProviderVia(admin, {
      agencyId: agency.get('iom')!, nameEn: 'IOM return programme', city: 'Rabat', regions: ['MA-04'], servesNationally: true,
      languages: ['ar', 'fr', 'en', 'es'], targetGroups: ['foreigners', 'families'], services: ['voluntary_return', 'reintegration', 'family_tracing'],
    })
  ).id;
  ids.oujda = (
    await createProviderVia(admin, {
      agencyId: agency.get('social')!, nameEn: 'Oujda migrant shelter', city: 'Oujda', regions: ['MA-02'],
      languages: ['ar', 'fr', 'en', 'wo'], targetGroups: ['men', 'foreigners'], services: ['shelter', 'medical'],
    })
  ).id;
});

afterAll(async () => {
  await sanad?.close();
});

describe('directory access', () => {
  it('answers 401 to anonymous callers', async () => {
    expect((await sanad.anonymous().get('/api/providers')).statusCode).toBe(401);
    expect((await sanad.anonymous().get('/api/services')).statusCode).toBe(401);
  });

  it('lets the administrator create but not a first responder (403)', async () => {
    const agencyId = (await demoAgencyIds(sanad)).get('police')!;
    const response = await responder.post('/api/providers', { agencyId, nameEn: 'Not allowed', services: ['medical'] });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('FORBIDDEN');
  });

  it('refuses a provider without services or with an unknown region', async () => {
    const agencyId = (await demoAgencyIds(sanad)).get('social')!;
    const noServices = await admin.post('/api/providers', { agencyId, nameEn: 'Empty', services: [] });
    expect(noServices.statusCode).toBe(400);
    expect(noServices.json().error.code).toBe('VALIDATION_FAILED');
    const badRegion = await admin.post('/api/providers', { agencyId, nameEn: 'Nowhere', services: ['medical'], regions: ['MA-13'] });
    expect(badRegion.statusCode).toBe(400);
  });

  it('shows every operational role the entry, with the actions they may take', async () => {
    const asResponder = (await responder.get(`/api/providers/${ids.adala}`)).json() as Provider;
    expect(asResponder).toMatchObject({ name: 'Adala legal aid', services: ['legal_aid'], contactEmail: 'contact@adala.example.ma', allowedActions: [] });
    const asAdmin = (await admin.get(`/api/providers/${ids.darAmane}`)).json() as Provider;
    expect(asAdmin.allowedActions).toEqual(['provider.update']);
    const ownShelter = (await shelterUser.get(`/api/providers/${ids.darAmane}`)).json() as Provider;
    expect(ownShelter.allowedActions).toEqual(['provider.updateCapacity']);
    const otherShelter = (await shelterUser.get(`/api/providers/${ids.oujda}`)).json() as Provider;
    expect(otherShelter.allowedActions).toEqual([]);
  });
});

describe('directory filters (in SQL)', () => {
  const list = async (query: string) => (await responder.get(`/api/providers?${query}`)).json() as { items: Provider[]; total: number };

  it('filters by service, region, target group, language and text, in combination', async () => {
    expect(names(await list('service=shelter'))).toEqual(['Dar Al Amane shelter', 'Oujda migrant shelter']);
    expect(names(await list('service=shelter&region=MA-06'))).toEqual(['Dar Al Amane shelter']);
    // National coverage counts as serving the region.
    expect(names(await list('region=MA-02'))).toEqual(['IOM return programme', 'Oujda migrant shelter']);
    expect(names(await list('targetGroup=foreigners&language=en'))).toEqual(['Adala legal aid', 'IOM return programme', 'Oujda migrant shelter']);
    expect(names(await list('targetGroup=foreigners&language=en&region=MA-06'))).toEqual(['Adala legal aid', 'IOM return programme']);
    expect(names(await list('language=wo&service=medical'))).toEqual(['Oujda migrant shelter']);
    expect(names(await list('q=adala'))).toEqual(['Adala legal aid']);
    // Accent-insensitive, and on the description and the agency's name too.
    expect(names(await list('q=hebergement'))).toEqual(['Dar Al Amane shelter']);
    expect(names(await list('q=solidarity'))).toEqual(['Oujda migrant shelter']);
    expect((await list('q=%25')).total).toBe(0);
  });

  it('pages with a total', async () => {
    const page = await list('pageSize=2&page=2');
    expect(page.total).toBe(4);
    expect(page.items).toHaveLength(2);
  });

  it('rejects an unknown filter value', async () => {
    expect((await responder.get('/api/providers?service=spa')).statusCode).toBe(400);
  });

  it('counts active providers per service type', async () => {
    const { items } = (await responder.get('/api/services')).json() as { items: ServiceTypeCount[] };
    const count = Object.fromEntries(items.map((i) => [i.code, i.activeProviders]));
    expect(items).toHaveLength(12);
    expect(count).toMatchObject({ shelter: 2, legal_aid: 1, medical: 1, voluntary_return: 1, education: 0 });
  });
});

describe('editing the directory', () => {
  it('updates with the current version and answers 409 to a stale one', async () => {
    const current = (await admin.get(`/api/providers/${ids.iom}`)).json() as Provider;
    const updated = await admin.patch(`/api/providers/${ids.iom}`, { openingHours: 'Mon–Fri 08:30–16:30', languages: ['fr', 'en', 'en'], version: current.version });
    expect(updated.statusCode).toBe(200);
    expect(updated.json()).toMatchObject({ openingHours: 'Mon–Fri 08:30–16:30', languages: ['fr', 'en'], version: current.version + 1 });
    const stale = await admin.patch(`/api/providers/${ids.iom}`, { openingHours: 'closed', version: current.version });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('CONFLICT');
    const { rows } = await sanad.ctx.database.pool.query(`SELECT changed_fields FROM audit_events WHERE action = 'provider.updated' AND resource_id = $1`, [ids.iom]);
    expect(rows).toEqual([{ changed_fields: ['languages', 'openingHours'] }]);
  });

  it('hides an inactive entry from everyone but administrators and its own agency', async () => {
    const current = (await admin.get(`/api/providers/${ids.oujda}`)).json() as Provider;
    expect((await admin.patch(`/api/providers/${ids.oujda}`, { active: false, version: current.version })).statusCode).toBe(200);
    expect((await responder.get(`/api/providers/${ids.oujda}`)).statusCode).toBe(404);
    expect(names((await responder.get('/api/providers?service=shelter')).json())).toEqual(['Dar Al Amane shelter']);
    expect((await admin.get('/api/providers?active=false')).json().total).toBe(1);
    const counts = (await responder.get('/api/services')).json() as { items: ServiceTypeCount[] };
    expect(counts.items.find((i) => i.code === 'medical')!.activeProviders).toBe(0);
    const reactivated = await admin.patch(`/api/providers/${ids.oujda}`, { active: true, version: current.version + 1 });
    expect(reactivated.statusCode).toBe(200);
  });

  it('answers 404 when patching an entry that does not exist', async () => {
    const response = await admin.patch('/api/providers/00000000-0000-4000-8000-000000000000', { nameEn: 'Ghost', version: 1 });
    expect(response.statusCode).toBe(404);
  });
});

describe('names in the reader’s language', () => {
  let id: string;
  beforeAll(async () => {
    const agencyId = (await demoAgencyIds(sanad)).get('shelter')!;
    ({ id } = await createProviderVia(admin, { agencyId, nameAr: 'دار الأمان – فرع سلا', nameFr: 'Dar Al Amane – antenne de Salé', city: 'Salé', services: ['psychosocial'] }));
  });

  it('answers the provider and its agency in Arabic to an Arabic reader and in French to a French reader', async () => {
    const asArabic = (await caseManager.get(`/api/providers/${id}`)).json() as Provider;
    expect(asArabic).toMatchObject({ name: 'دار الأمان – فرع سلا', agencyName: 'دار الأمان لإيواء النساء والأطفال' });
    const asFrench = (await responder.get(`/api/providers/${id}`)).json() as Provider;
    expect(asFrench).toMatchObject({ name: 'Dar Al Amane – antenne de Salé', agencyName: "Dar Al Amane – centre d'accueil pour femmes et enfants" });
    expect(asFrench).toMatchObject({ nameAr: 'دار الأمان – فرع سلا', nameFr: 'Dar Al Amane – antenne de Salé', nameEn: null });
  });

  it('falls back to the default name in a language that has none, and lists in the reader’s language', async () => {
    await responder.patch('/api/me', { locale: 'en' });
    const asEnglish = (await responder.get(`/api/providers/${id}`)).json() as Provider;
    expect(asEnglish).toMatchObject({ name: 'Dar Al Amane – antenne de Salé', agencyName: 'Dar Al Amane women and children shelter' });
    await responder.patch('/api/me', { locale: 'fr' });
    const listed = (await caseManager.get('/api/providers?q=Salé')).json() as { items: Provider[] };
    expect(listed.items.map((p) => p.name)).toEqual(['دار الأمان – فرع سلا']);
  });

  it('is found by its name in any language', async () => {
    expect(names((await responder.get(`/api/providers?q=${encodeURIComponent('فرع سلا')}`)).json())).toEqual(['Dar Al Amane – antenne de Salé']);
  });

  it('renames per language, keeps a name not sent, and refuses to clear the last one', async () => {
    const current = (await admin.get(`/api/providers/${id}`)).json() as Provider;
    const renamed = await admin.patch(`/api/providers/${id}`, { nameEn: 'Dar Al Amane – Salé branch', nameFr: null, version: current.version });
    expect(renamed.json()).toMatchObject({ nameAr: 'دار الأمان – فرع سلا', nameFr: null, nameEn: 'Dar Al Amane – Salé branch' });
    const { rows } = await sanad.ctx.database.pool.query('SELECT name FROM service_providers WHERE id = $1', [id]);
    expect(rows[0].name).toBe('دار الأمان – فرع سلا'); // no French left: the Arabic is the default
    const emptied = await admin.patch(`/api/providers/${id}`, { nameAr: null, nameEn: null, version: current.version + 1 });
    expect(emptied.statusCode).toBe(400);
    expect(emptied.json().error.details.issues).toEqual([{ field: 'nameAr', reason: 'required' }]);
    const nameless = await admin.post('/api/providers', { agencyId: current.agencyId, services: ['medical'] });
    expect(nameless.json().error.details.issues).toEqual([{ field: 'nameAr', reason: 'required' }]);
  });
});

describe('shelter capacity', () => {
  const put = (client: TestClient, id: string, body: unknown) => client.request('PUT', `/api/providers/${id}/capacity`, body);

  it('lets the shelter report its own beds, with versions', async () => {
    const first = await put(shelterUser, ids.darAmane, { bedsTotal: 20, bedsOccupied: 15, version: 0 });
    expect(first.statusCode).toBe(200);
    expect((first.json() as Provider).capacity).toMatchObject({ bedsTotal: 20, bedsOccupied: 15, freeBeds: 5, version: 1, updatedByName: 'Khadija Ouazzani' });
    const second = await put(shelterUser, ids.darAmane, { bedsTotal: 20, bedsOccupied: 17, version: 1 });
    expect((second.json() as Provider).capacity).toMatchObject({ freeBeds: 3, version: 2 });
    const { rows } = await sanad.ctx.database.pool.query(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'provider.capacityUpdated' AND resource_id = $1`, [ids.darAmane]);
    expect(rows[0].n).toBe(2);
  });

  it('answers 409 to a stale bed count, including a second "first" report', async () => {
    expect((await put(shelterUser, ids.darAmane, { bedsTotal: 20, bedsOccupied: 10, version: 1 })).statusCode).toBe(409);
    expect((await put(shelterUser, ids.darAmane, { bedsTotal: 20, bedsOccupied: 10, version: 0 })).statusCode).toBe(409);
  });

  it('refuses more occupied beds than beds', async () => {
    const response = await put(shelterUser, ids.darAmane, { bedsTotal: 10, bedsOccupied: 11, version: 2 });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: { issues: [{ field: 'bedsOccupied' }] } });
  });

  it("answers 404 for another agency's shelter and 403 to roles that never report beds", async () => {
    expect((await put(shelterUser, ids.oujda, { bedsTotal: 5, bedsOccupied: 1, version: 0 })).statusCode).toBe(404);
    expect((await put(admin, ids.darAmane, { bedsTotal: 5, bedsOccupied: 1, version: 2 })).statusCode).toBe(403);
    expect((await put(responder, ids.darAmane, { bedsTotal: 5, bedsOccupied: 1, version: 2 })).statusCode).toBe(403);
  });

  it('refuses beds for a provider that is not a shelter', async () => {
    const response = await put(legalaidUser, ids.adala, { bedsTotal: 5, bedsOccupied: 1, version: 0 });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details.issues).toEqual([{ field: 'services', reason: 'not_a_shelter' }]);
  });

  it('keeps the database honest even without the API check', async () => {
    await expect(
      sanad.ctx.database.pool.query('UPDATE shelter_capacity SET beds_occupied = beds_total + 1 WHERE provider_id = $1', [ids.darAmane]),
    ).rejects.toThrow(/shelter_capacity_occupied_within_total/);
  });
});
