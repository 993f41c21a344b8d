import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Agency } from '@shared/api/admin.js';
import { startTestSanad, type TestClient, type TestSanad } from '../../test/harness.js';

let sanad: TestSanad;
let admin: TestClient; // reads French
let admin2: TestClient; // reads Arabic
beforeAll(async () => {
  sanad = await startTestSanad({ demo: true });
  admin = await sanad.signIn('admin');
  admin2 = await sanad.signIn('admin2');
});
afterAll(async () => sanad?.close());

const listAs = async (client: TestClient) => (await client.get('/api/agencies?pageSize=200')).json() as { items: Agency[]; total: number };

describe('agency administration', () => {
  it('lists agencies with the number of their users', async () => {
    const list = await listAs(admin);
    expect(list.total).toBe(list.items.length);
    const administration = list.items.find((a) => a.nameEn === 'Sanad system administration')!;
    expect(administration.userCount).toBe(3); // admin, admin2 (the second administrator who approves role grants) and auditor
    expect(list.items.find((a) => a.nameEn?.startsWith('Royal Gendarmerie'))!.userCount).toBe(0);
  });

  it('creates, renames and disables an agency, with a 409 for a duplicate name and 404 for an unknown id', async () => {
    const created = await admin.post('/api/agencies', { nameFr: 'Association Tanmia Oujda', type: 'NGO', region: 'MA-02' });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ name: 'Association Tanmia Oujda', nameAr: null, nameFr: 'Association Tanmia Oujda', nameEn: null });
    expect((await admin.post('/api/agencies', { nameFr: 'association tanmia oujda', type: 'NGO' })).statusCode).toBe(409);
    const id = created.json().id as string;
    const disabled = await admin.patch(`/api/agencies/${id}`, { disabled: true, nameFr: 'Association Tanmia – Oujda' });
    expect(disabled.json()).toMatchObject({ disabled: true, name: 'Association Tanmia – Oujda' });
    expect((await admin.patch('/api/agencies/00000000-0000-4000-8000-000000000000', { disabled: true })).statusCode).toBe(404);
  });

  it('asks for a name in at least one language, and will not clear the last one', async () => {
    const nameless = await admin.post('/api/agencies', { type: 'NGO', nameAr: null });
    expect(nameless.statusCode).toBe(400);
    expect(nameless.json().error.details.issues).toEqual([{ field: 'nameAr', reason: 'required' }]);
    const created = await admin.post('/api/agencies', { nameEn: 'Only English', type: 'NGO' });
    const cleared = await admin.patch(`/api/agencies/${created.json().id}`, { nameEn: null });
    expect(cleared.statusCode).toBe(400);
    expect(cleared.json().error.details.issues).toEqual([{ field: 'nameAr', reason: 'required' }]);
  });
});

describe('agency names in the reader’s language', () => {
  it('gives the demo agencies to an Arabic reader in Arabic and to a French reader in French', async () => {
    const police = (items: Agency[]) => items.find((a) => a.nameEn === 'DGSN – Casablanca judicial police')!.name;
    expect(police((await listAs(admin)).items)).toBe('DGSN – Police judiciaire de Casablanca');
    expect(police((await listAs(admin2)).items)).toBe('المديرية العامة للأمن الوطني – الشرطة القضائية بالدار البيضاء');
  });

  it('answers the same agency in each reader’s language, and the default name where a language has none', async () => {
    const created = await admin.post('/api/agencies', {
      nameAr: 'الفرقة الوطنية للشرطة القضائية – الرباط',
      nameFr: 'Brigade nationale de police judiciaire – Rabat',
      type: 'Police',
      region: 'MA-04',
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    const nameFor = async (client: TestClient) => (await listAs(client)).items.find((a) => a.id === id)!;
    expect(await nameFor(admin)).toMatchObject({ name: 'Brigade nationale de police judiciaire – Rabat', nameEn: null });
    expect((await nameFor(admin2)).name).toBe('الفرقة الوطنية للشرطة القضائية – الرباط');

    // The reader's language is their profile's, from the next request on: in English, which has no name, the default (French).
    expect((await admin2.patch('/api/me', { locale: 'en' })).statusCode).toBe(200);
    expect((await nameFor(admin2)).name).toBe('Brigade nationale de police judiciaire – Rabat');
    // Clearing the French name makes the Arabic one the default.
    expect((await admin.patch(`/api/agencies/${id}`, { nameFr: null })).json()).toMatchObject({ name: 'الفرقة الوطنية للشرطة القضائية – الرباط', nameFr: null });
    expect((await nameFor(admin2)).name).toBe('الفرقة الوطنية للشرطة القضائية – الرباط');
    await admin2.patch('/api/me', { locale: 'ar' });
  });
});
