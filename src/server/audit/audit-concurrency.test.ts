import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSanad, type TestClient, type TestSanad } from '../test/harness.js';
import { recordAudit, recordAuditStandalone, SYSTEM_CONTEXT } from './record-audit.js';
import { verifyAuditChain } from './verify-chain.js';

const onPostgres = Boolean(process.env['DATABASE_URL']);
let sanad: TestSanad;
let responder: TestClient;
let caseId: string;

beforeAll(async () => {
  sanad = await startTestSanad({ demo: true });
  responder = await sanad.signIn('responder');
  const created = await responder.post('/api/cases', {
    person: { givenNameLatin: 'Grace', familyNameLatin: 'Adeyemi', birthYear: 2001, sex: 'Feminine', citizenships: ['NG'], languages: ['en'] },
    region: 'MA-06',
    province: 'MA-CAS',
    traffickingStatus: 'presumed',
    exploitationForms: ['sexual_exploitation'],
  });
  expect(created.statusCode).toBe(201);
  caseId = created.json().case.id;
});
afterAll(async () => sanad?.close());

const count = async (sql: string, params: unknown[] = []) => (await sanad.ctx.database.pool.query<{ n: number }>(sql, params)).rows[0]!.n;

describe('appending to the audit trail concurrently', () => {
  it('records 50 concurrent case reads and 50 concurrent events, and the trail still verifies', async () => {
    const viewsBefore = await count(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'case.viewed' AND resource_id = $1`, [caseId]);
    const totalBefore = await count('SELECT count(*)::int AS n FROM audit_events');
    const reads = await Promise.all(Array.from({ length: 50 }, () => responder.get(`/api/cases/${caseId}`)));
    expect(reads.map((r) => r.statusCode), reads[0]!.body).toEqual(Array(50).fill(200));
    await Promise.all(Array.from({ length: 50 }, (_, i) => recordAuditStandalone(sanad.ctx.database.db, SYSTEM_CONTEXT, { action: 'audit.read', details: { i } })));

    expect(await count(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'case.viewed' AND resource_id = $1`, [caseId])).toBe(viewsBefore + 50);
    expect(await count('SELECT count(*)::int AS n FROM audit_events')).toBe(totalBefore + 100);
    const result = await verifyAuditChain(sanad.ctx.database.pool, { keyring: sanad.ctx.keyring });
    expect(result).toMatchObject({ ok: true, checked: totalBefore + 100, macsChecked: true });
    // Every chain is gapless: its sequence numbers run 1..n.
    expect(await count('SELECT count(*)::int AS n FROM (SELECT chain FROM audit_events GROUP BY chain HAVING max(chain_seq) <> count(*)) AS gaps')).toBe(0);
    // On PostgreSQL the pool's connections appended to several chains at once (PGlite has one connection).
    if (onPostgres) expect(result.chains).toBeGreaterThan(1);
  });

  it.runIf(onPostgres)('lets a second transaction append while a first one holds its append open', async () => {
    const { db } = sanad.ctx.database;
    let secondDone = false;
    let releaseFirst!: () => void;
    const firstMayCommit = new Promise<void>((resolve) => (releaseFirst = resolve));
    // Only a fallback, should the second append wait on the first: then the first commits and the test fails.
    const fallback = setTimeout(releaseFirst, 10_000);
    let second: Promise<void> | undefined;
    const secondFinishedFirst = await db.transaction(async (tx) => {
      await recordAudit(tx, SYSTEM_CONTEXT, { action: 'audit.read', details: { holder: true } });
      second = recordAuditStandalone(db, SYSTEM_CONTEXT, { action: 'audit.read', details: { holder: false } }).then(() => {
        secondDone = true;
        releaseFirst();
      });
      await firstMayCommit;
      return secondDone;
    });
    clearTimeout(fallback);
    await second;
    expect(secondFinishedFirst).toBe(true);
    expect((await verifyAuditChain(sanad.ctx.database.pool, { keyring: sanad.ctx.keyring })).ok).toBe(true);
  });

  it('keeps the rows of one transaction in one chain, in order', async () => {
    await sanad.ctx.database.db.transaction(async (tx) => {
      for (let i = 0; i < 5; i += 1) await recordAudit(tx, SYSTEM_CONTEXT, { action: 'audit.read', details: { batch: 'one', i } });
    });
    const { rows } = await sanad.ctx.database.pool.query<{ chain: number; seq: string; i: number }>(
      `SELECT chain, chain_seq::text AS seq, (details->>'i')::int AS i FROM audit_events WHERE details->>'batch' = 'one' ORDER BY audit_events.id`,
    );
    expect(new Set(rows.map((r) => r.chain)).size).toBe(1);
    expect(rows.map((r) => r.i)).toEqual([0, 1, 2, 3, 4]);
    const seqs = rows.map((r) => Number(r.seq));
    expect(seqs).toEqual(seqs.map((_, k) => seqs[0]! + k));
  });
});
