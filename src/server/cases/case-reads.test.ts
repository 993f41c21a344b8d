import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSanad, type TestClient, type TestSanad } from '../test/harness.js';

/**
 * Every answer that carries case content (the case, its notes, journey,
 * consents, files, duplicates, merge requests, access history, the list and
 * name search) is a read on the record: one row naming the case, written with
 * the answer, holding counts but never the content or a search term.
 */
let sanad: TestSanad;
let responder: TestClient;
let casemanager: TestClient;
let caseId: string;

const NOTE = 'Met the victim at the Tangier port shelter';
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('tiny')]);

interface AuditRow {
  action: string;
  resource_id: string | null;
  details: Record<string, unknown>;
}

async function auditRows(action: string): Promise<AuditRow[]> {
  const { rows } = await sanad.ctx.database.pool.query('SELECT action, resource_id, details FROM audit_events WHERE action = $1 ORDER BY id', [action]);
  return rows as AuditRow[];
}

beforeAll(async () => {
  sanad = await startTestSanad({ demo: true });
  [responder, casemanager] = [await sanad.signIn('responder'), await sanad.signIn('casemanager')];
  const created = await responder.post('/api/cases', { person: { givenNameLatin: 'Aicha', familyNameLatin: 'Bennani', birthYear: 1999 } });
  expect(created.statusCode, created.body).toBe(201);
  caseId = created.json().case.id;
  expect((await responder.post(`/api/cases/${caseId}/notes`, { body: NOTE })).statusCode).toBe(201);
});
afterAll(async () => sanad?.close());

describe('reads of case content', () => {
  const READS: [path: string, action: string][] = [
    ['', 'case.viewed'],
    ['/notes', 'case.notesViewed'],
    ['/events', 'case.eventsViewed'],
    ['/consents', 'case.consentsViewed'],
    ['/attachments', 'case.attachmentsViewed'],
    ['/duplicates', 'case.duplicatesFound'],
    ['/merge-requests', 'case.mergeRequestsViewed'],
    ['/access-log', 'case.accessLogViewed'],
  ];

  it('writes one row per read, naming the case, with counts but no content', async () => {
    for (const [path, action] of READS) {
      const before = (await auditRows(action)).length;
      const response = await responder.get(`/api/cases/${caseId}${path}`);
      expect(response.statusCode, `${path} ${response.body}`).toBe(200);
      const rows = await auditRows(action);
      expect(rows.length, action).toBe(before + 1);
      expect(rows.at(-1)!.resource_id, action).toBe(caseId);
      expect(JSON.stringify(rows.at(-1)!.details), action).not.toContain('Met the victim');
    }
    const [notesRead] = (await auditRows('case.notesViewed')).slice(-1);
    expect(notesRead!.details).toEqual({ returned: 1 });
  });

  it('writes nothing when the case is out of the caller scope (404)', async () => {
    const before = (await auditRows('case.notesViewed')).length;
    expect((await casemanager.get(`/api/cases/${caseId}/notes`)).statusCode).toBe(404);
    expect((await auditRows('case.notesViewed')).length).toBe(before);
  });

  it('records a name search as a search, never the name searched', async () => {
    const found = await responder.get('/api/cases?q=Aicha%20Bennani');
    expect(found.statusCode, found.body).toBe(200);
    const [listed] = (await auditRows('case.listed')).slice(-1);
    expect(listed!.details).toMatchObject({ searched: true, returned: found.json().items.length });
    expect(JSON.stringify(listed!.details)).not.toMatch(/aicha|bennani/i);
  });

  it('records a download with the file, and the merge work list without a case', async () => {
    const uploaded = await responder.post(`/api/cases/${caseId}/attachments`, { fileName: 'statement.png', contentBase64: PNG.toString('base64') });
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    expect((await responder.get(`/api/cases/${caseId}/attachments/${uploaded.json().id}`)).statusCode).toBe(200);
    const [downloaded] = (await auditRows('case.attachmentDownloaded')).slice(-1);
    expect(downloaded).toMatchObject({ resource_id: caseId, details: { attachmentId: uploaded.json().id } });

    expect((await casemanager.get('/api/cases/merge-requests')).statusCode).toBe(200);
    const [worklist] = (await auditRows('case.mergeRequestsListed')).slice(-1);
    expect(worklist).toMatchObject({ resource_id: null, details: { returned: expect.any(Number) } });
  });
});
