import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSanad, type TestClient, type TestSanad } from '../../test/harness.js';

let sanad: TestSanad;
let admin: TestClient;
beforeAll(async () => {
  sanad = await startTestSanad({ demo: true });
  admin = await sanad.signIn('admin');
});
afterAll(async () => sanad?.close());

describe('agency administration', () => {
  it('lists agencies with the number of their users', async () => {
    const list = (await admin.get('/api/agencies?pageSize=200')).json() as { items: { name: string; userCount: number }[]; total: number };
    expect(list.total).toBe(list.items.length);
    const administration = list.items.find((a) => a.name === 'Sanad system administration')!;
    expect(administration.userCount).toBe(3); // admin, admin2 (the second administrator who approves role grants) and auditor
    expect(list.items.find((a) => a.name.startsWith('Royal Gendarmerie'))!.userCount).toBe(0);
  });

  it('creates, renames and disables an agency, with a 409 for a duplicate name and 404 for an unknown id', async () => {
    const created = await admin.post('/api/agencies', { name: 'Association Tanmia Oujda', type: 'NGO', region: 'MA-02' });
    expect(created.statusCode).toBe(201);
    expect((await admin.post('/api/agencies', { name: 'association tanmia oujda', type: 'NGO' })).statusCode).toBe(409);
    const id = created.json().id as string;
    const disabled = await admin.patch(`/api/agencies/${id}`, { disabled: true, name: 'Association Tanmia – Oujda' });
    expect(disabled.json()).toMatchObject({ disabled: true, name: 'Association Tanmia – Oujda' });
    expect((await admin.patch('/api/agencies/00000000-0000-4000-8000-000000000000', { disabled: true })).statusCode).toBe(404);
  });
});
