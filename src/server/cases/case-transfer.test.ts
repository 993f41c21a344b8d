import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSanad, type TestClient, type TestSanad } from '../test/harness.js';

// Handing a case to another agency: consent, one pending at a time, the receiver's summary, acceptance.
let sanad: TestSanad;
let responder: TestClient; // police (the sender)
let casemanager: TestClient; // Ministry of Solidarity (the receiver)
const agencyIds = new Map<string, string>();

const query = async <T>(text: string, values: unknown[] = []) => (await sanad.ctx.database.pool.query(text, values)).rows as T[];
const auditCount = async (action: string, caseId: string) =>
  (await query<{ n: number }>('SELECT count(*)::int AS n FROM audit_events WHERE action = $1 AND resource_id = $2', [action, caseId]))[0]!.n;

async function newPoliceCase(given: string): Promise<{ id: string; caseNumber: string }> {
  const created = await responder.post('/api/cases', {
    person: { givenNameLatin: given, familyNameLatin: 'Traoré', birthYear: 1998, sex: 'Feminine', citizenships: ['CI'], languages: ['fr'] },
    region: 'MA-06',
    traffickingStatus: 'presumed',
  });
  expect(created.statusCode, created.body).toBe(201);
  return created.json().case;
}
const consentTo = (caseId: string, agency: string) =>
  responder.post(`/api/cases/${caseId}/consents`, { type: 'share_with_organisation', agencyId: agencyIds.get(agency), method: 'signed' });
const ask = (caseId: string, body: Record<string, unknown>) => responder.post(`/api/cases/${caseId}/transfers`, { toAgencyId: agencyIds.get('social'), reason: 'case_management', ...body });
const incoming = async (client: TestClient) => (await client.get('/api/case-transfers/incoming')).json().items as Record<string, unknown>[];

beforeAll(async () => {
  sanad = await startTestSanad({ demo: true });
  [responder, casemanager] = [await sanad.signIn('responder'), await sanad.signIn('casemanager')];
  for (const u of await query<{ username: string; agency_id: string }>(`SELECT username, agency_id FROM users WHERE username IN ('responder', 'casemanager', 'shelter')`)) {
    agencyIds.set({ responder: 'police', casemanager: 'social', shelter: 'shelter' }[u.username]!, u.agency_id);
  }
});
afterAll(async () => sanad?.close());

describe('asking for a transfer', () => {
  it('is refused without the person’s consent to share with the receiver, and to the owner itself', async () => {
    const kase = await newPoliceCase('Aya');
    const view = (await responder.get(`/api/cases/${kase.id}/transfers`)).json();
    expect(view).toEqual({ items: [], targets: [], canTransfer: true });
    const refused = await ask(kase.id, {});
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error).toMatchObject({ code: 'CONSENT_REQUIRED', details: { reason: 'no_consent' } });
    const same = await ask(kase.id, { toAgencyId: agencyIds.get('police') });
    expect(same.json().error).toMatchObject({ code: 'CONFLICT', details: { reason: 'transfer_same_agency' } });
    // A shelter has nobody who takes cases over, even with consent.
    expect((await consentTo(kase.id, 'shelter')).statusCode).toBe(201);
    const shelter = await ask(kase.id, { toAgencyId: agencyIds.get('shelter') });
    expect(shelter.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: { reason: 'agency_cannot_receive' } });
    expect(await auditCount('case.transferRequested', kase.id)).toBe(0);
  });

  it('refuses a closed or a merged case, and "other" without a note', async () => {
    const kase = await newPoliceCase('Mariam');
    await consentTo(kase.id, 'social');
    expect((await ask(kase.id, { reason: 'other' })).statusCode).toBe(400);
    await query(`UPDATE cases SET status = 'Closed', closure_reason = 'ReintegrationCompleted', closed_at = now() WHERE id = $1`, [kase.id]);
    expect((await ask(kase.id, {})).json().error.details.reason).toBe('case_closed');
    const other = await newPoliceCase('Binta');
    await query(`UPDATE cases SET status = 'Active', closure_reason = NULL, closed_at = NULL, merged_into_case_id = $2 WHERE id = $1`, [kase.id, other.id]);
    expect((await ask(kase.id, {})).json().error.details.reason).toBe('case_merged');
  });
});

describe('a transfer from the police to the Ministry of Solidarity', () => {
  let kase: { id: string; caseNumber: string };
  let transferId: string;

  it('is asked with consent and a sealed note; a second one waits its turn', async () => {
    kase = await newPoliceCase('Fanta');
    await consentTo(kase.id, 'social');
    expect((await responder.get(`/api/cases/${kase.id}/transfers`)).json().targets).toEqual([{ agencyId: agencyIds.get('social'), agencyName: expect.stringContaining('Solidarity') }]);
    const asked = await ask(kase.id, { reasonNote: 'Fanta moved to Casablanca with her daughter' });
    expect(asked.statusCode, asked.body).toBe(201);
    const [transfer] = asked.json().items;
    expect(transfer).toMatchObject({ status: 'pending', reason: 'case_management', reasonNote: 'Fanta moved to Casablanca with her daughter', toAgencyId: agencyIds.get('social') });
    transferId = transfer.id;
    const [stored] = await query<{ reason_note_enc: string }>('SELECT reason_note_enc FROM case_transfers WHERE id = $1', [transferId]);
    expect(stored!.reason_note_enc).not.toContain('Fanta');
    expect((await ask(kase.id, {})).json().error.details.reason).toBe('transfer_pending');
    expect(await auditCount('case.transferRequested', kase.id)).toBe(1);
  });

  it('shows the receiver a summary without identity or note, and nothing of the case before it accepts', async () => {
    const mine = (await incoming(casemanager)).find((t) => t.id === transferId);
    expect(mine).toEqual({ id: transferId, caseNumber: kase.caseNumber, fromAgencyName: expect.stringContaining('police'), reason: 'case_management', requestedAt: expect.any(String) });
    expect((await casemanager.get(`/api/cases/${kase.id}`)).statusCode).toBe(404);
    expect((await incoming(responder)).some((t) => t.id === transferId)).toBe(false);
    // Only the receiving agency answers it.
    expect((await responder.post(`/api/case-transfers/${transferId}/accept`)).statusCode).toBe(404);
  });

  it('once accepted, moves the case to the receiver, who finds it in her list; the sender loses it', async () => {
    await query('UPDATE cases SET case_manager_id = (SELECT id FROM users WHERE username = $2) WHERE id = $1', [kase.id, 'casemanager']);
    const accepted = await casemanager.post(`/api/case-transfers/${transferId}/accept`);
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toEqual({ caseId: kase.id });
    const [row] = await query<{ owner_agency_id: string; case_manager_id: string | null }>('SELECT owner_agency_id, case_manager_id FROM cases WHERE id = $1', [kase.id]);
    expect(row).toEqual({ owner_agency_id: agencyIds.get('social'), case_manager_id: null });
    const list = (await casemanager.get('/api/cases?pageSize=200')).json().items as { id: string }[];
    expect(list.map((c) => c.id)).toContain(kase.id);
    expect((await casemanager.get(`/api/cases/${kase.id}`)).statusCode).toBe(200);
    expect((await responder.get(`/api/cases/${kase.id}`)).statusCode).toBe(404);
    expect(await auditCount('case.transferAccepted', kase.id)).toBe(1);
    const history = (await casemanager.get(`/api/cases/${kase.id}/transfers`)).json().items;
    expect(history[0]).toMatchObject({ status: 'accepted', decidedByName: 'Fatima Zahra Idrissi' });
    expect((await casemanager.post(`/api/case-transfers/${transferId}/accept`)).json().error.details.reason).toBe('transfer_decided');
  });
});

describe('a transfer that does not happen', () => {
  it('can be cancelled by the sender while it waits, and then cannot be accepted', async () => {
    const kase = await newPoliceCase('Rokia');
    await consentTo(kase.id, 'social');
    const transferId = (await ask(kase.id, {})).json().items[0].id;
    const cancelled = await responder.post(`/api/cases/${kase.id}/transfers/${transferId}/cancel`);
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json().items[0].status).toBe('cancelled');
    expect((await incoming(casemanager)).some((t) => t.id === transferId)).toBe(false);
    expect((await casemanager.post(`/api/case-transfers/${transferId}/accept`)).json().error.details.reason).toBe('transfer_decided');
    expect(await auditCount('case.transferCancelled', kase.id)).toBe(1);
  });

  it('can be declined by the receiver: the case stays with the sender', async () => {
    const kase = await newPoliceCase('Kadiatou');
    await consentTo(kase.id, 'social');
    const transferId = (await ask(kase.id, {})).json().items[0].id;
    expect((await casemanager.post(`/api/case-transfers/${transferId}/decline`)).statusCode).toBe(200);
    expect((await responder.get(`/api/cases/${kase.id}`)).json().ownerAgencyId).toBe(agencyIds.get('police'));
    expect(await auditCount('case.transferDeclined', kase.id)).toBe(1);
  });

  it('is refused at acceptance when the consent was withdrawn in the meantime', async () => {
    const kase = await newPoliceCase('Oumou');
    const consents = (await consentTo(kase.id, 'social')).json().items as { id: string; type: string }[];
    const transferId = (await ask(kase.id, {})).json().items[0].id;
    const consentId = consents.find((c) => c.type === 'share_with_organisation')!.id;
    expect((await responder.post(`/api/cases/${kase.id}/consents/${consentId}/revoke`)).statusCode).toBe(200);
    const refused = await casemanager.post(`/api/case-transfers/${transferId}/accept`);
    expect(refused.json().error).toMatchObject({ code: 'CONSENT_REQUIRED', details: { reason: 'consent_revoked' } });
    expect((await responder.get(`/api/cases/${kase.id}`)).json().ownerAgencyId).toBe(agencyIds.get('police'));
  });
});
