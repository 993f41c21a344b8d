import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSanad, type TestSanad } from '../test/harness.js';
import { verifyAuditChain } from './verify-chain.js';
import { canonicalJson } from './hash-chain.js';

let sanad: TestSanad;
beforeAll(async () => {
  sanad = await startTestSanad({ demo: true });
});
afterAll(async () => sanad?.close());

describe('audit trail', () => {
  it('records sign-ins and administrative changes with actor, agency, role and changed fields, never secrets', async () => {
    const admin = await sanad.signIn('admin');
    const agencies = (await admin.get('/api/agencies')).json().items as { id: string }[];
    const created = await admin.post('/api/users', {
      username: 'new.analyst',
      displayName: 'New Analyst',
      agencyId: agencies[0]!.id,
      roles: ['analyst'],
    });
    expect(created.statusCode).toBe(201);
    // The person sets their password with the one-time code: both are secrets the trail must never hold.
    const code = created.json().activationCode as string;
    expect((await sanad.activate('new.analyst', code, 'a sufficiently long phrase 42')).response.statusCode).toBe(200);
    const { rows } = await sanad.ctx.database.pool.query(
      `SELECT actor_username, actor_role, actor_agency_id, changed_fields, details::text AS details, ip
         FROM audit_events WHERE action = 'user.created' AND resource_id = $1`,
      [created.json().id],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].actor_username).toBe('admin');
    expect(rows[0].actor_role).toBe('administrator');
    expect(rows[0].actor_agency_id).toBeTruthy();
    expect(rows[0].ip).toBeTruthy();
    const secrets = await sanad.ctx.database.pool.query(
      `SELECT action, changed_fields FROM audit_events WHERE resource_id = $1 AND action IN ('user.activationIssued', 'auth.activated') ORDER BY id`,
      [created.json().id],
    );
    expect(secrets.rows).toEqual([
      { action: 'user.activationIssued', changed_fields: ['activationCode'] },
      { action: 'auth.activated', changed_fields: ['password'] },
    ]);
    const all = await sanad.ctx.database.pool.query(`SELECT details::text AS d FROM audit_events`);
    expect(all.rows.some((r) => r.d.includes('sufficiently long phrase'))).toBe(false);
    expect(all.rows.some((r) => r.d.includes(code) || r.d.includes(code.replace(/-/g, '')))).toBe(false);
  });

  it('refuses UPDATE, DELETE and TRUNCATE on the table, to the application and to the owner', async () => {
    // The application's role has no such privilege at all.
    const pool = sanad.ctx.database.pool;
    await expect(pool.query(`UPDATE audit_events SET action = 'x'`)).rejects.toThrow(/permission denied/);
    await expect(pool.query(`DELETE FROM audit_events`)).rejects.toThrow(/permission denied/);
    await expect(pool.query(`TRUNCATE audit_events`)).rejects.toThrow(/permission denied/);
    // The owner has it, and the triggers refuse.
    await sanad.ctx.database.asOwner(async (owner) => {
      await expect(owner.query(`UPDATE audit_events SET action = 'x'`)).rejects.toThrow(/append-only/);
      await expect(owner.query(`DELETE FROM audit_events`)).rejects.toThrow(/append-only/);
      await expect(owner.query(`TRUNCATE audit_events`)).rejects.toThrow(/append-only/);
    });
  });

  it('verifies an intact chain and names the first altered row', async () => {
    const pool = sanad.ctx.database.pool;
    // More than ten rows, so that an order by text ("1", "10", "2") would show.
    for (let i = 0; i < 12; i += 1) await sanad.anonymous().post('/api/auth/login', { username: 'nobody', password: `attempt-${i}` });
    const intact = await verifyAuditChain(pool, { keyring: sanad.ctx.keyring });
    expect(intact.ok).toBe(true);
    expect(intact.checked).toBeGreaterThan(12);

    const auditor = await sanad.signIn('auditor');
    const viaApi = await auditor.get('/api/audit/verify');
    expect(viaApi.json()).toMatchObject({ ok: true, firstBrokenId: null });

    // Someone with database superuser rights bypasses the trigger and edits a row.
    const { rows } = await pool.query(`SELECT id::text AS id FROM audit_events ORDER BY audit_events.id LIMIT 1 OFFSET 2`);
    const target = rows[0].id as string;
    await sanad.ctx.database.asOwner(async (owner) => {
      await owner.query(`ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_delete`);
      await owner.query(`UPDATE audit_events SET actor_username = 'someone-else' WHERE id = $1`, [target]);
      await owner.query(`ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update_delete`);
    });

    const broken = await verifyAuditChain(pool, { keyring: sanad.ctx.keyring });
    expect(broken).toMatchObject({ ok: false, firstBrokenId: target, reason: 'row_altered', checked: 2 });
    const brokenViaApi = await auditor.get('/api/audit/verify');
    expect(brokenViaApi.json()).toMatchObject({ ok: false, firstBrokenId: target });
  });

  it('lists events for the auditor only, newest first, filtered in SQL', async () => {
    const auditor = await sanad.signIn('auditor');
    const page = await auditor.get('/api/audit?action=auth.login&pageSize=5');
    expect(page.statusCode).toBe(200);
    const body = page.json();
    expect(body.items.length).toBeGreaterThan(0);
    expect(body.items.every((e: { action: string }) => e.action === 'auth.login')).toBe(true);
    expect(body.total).toBeGreaterThanOrEqual(body.items.length);
  });

  it('hashes jsonb details independently of key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[1,{"y":2,"z":1}]},"b":1}');
  });
});
