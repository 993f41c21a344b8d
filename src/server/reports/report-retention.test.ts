import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config/config.js';
import { openCaseVia } from '../referrals/test-helpers.js';
import { startTestSanad, type TestClient, type TestSanad } from '../test/harness.js';
import { sweepReportRetention } from './report-retention.js';

let sanad: TestSanad;
let hotline: TestClient;
let responder: TestClient;
let nextAddress = 1;

const RETENTION_DAYS = 365;

/** Posts as an anonymous reporter, each call from its own address (the public routes are rate-limited per address). */
function publicPost(url: string, payload: unknown) {
  return sanad.app.inject({ method: 'POST', url, remoteAddress: `198.51.100.${nextAddress++}`, headers: { 'content-type': 'application/json' }, payload: JSON.stringify(payload) });
}

async function query<T = Record<string, unknown>>(text: string, values: unknown[] = []): Promise<T[]> {
  return (await sanad.ctx.database.pool.query(text, values)).rows as T[];
}

/** A public report with a contact and one addition; returns its id and receipt code. */
async function publicReport(province: string): Promise<{ id: string; receiptCode: string }> {
  const submitted = await publicPost('/api/public/reports', {
    narrative: `Two girls from ${province} are kept in a flat and never go out; their passports were taken by Hicham.`,
    exploitationForms: ['domestic_servitude'],
    region: 'MA-06',
    province,
    contact: 'neighbour.retention@example.org',
  });
  expect(submitted.statusCode).toBe(201);
  const { receiptCode } = submitted.json() as { receiptCode: string };
  expect((await publicPost('/api/public/reports/additions', { receiptCode, text: 'The van came back last night.' })).statusCode).toBe(202);
  const [row] = await query<{ id: string }>('SELECT id FROM reports WHERE province = $1', [province]);
  return { id: row!.id, receiptCode };
}

/** Closes a report as the hotline, then moves its closure `daysAgo` into the past. */
async function closeReport(id: string, daysAgo: number): Promise<void> {
  const { version } = (await hotline.get(`/api/reports/${id}`)).json() as { version: number };
  expect((await hotline.post(`/api/reports/${id}/close`, { version, reason: 'insufficient_information' })).statusCode).toBe(200);
  await query(`UPDATE reports SET closed_at = now() - make_interval(days => $2::int), received_at = now() - make_interval(days => $2::int + 3) WHERE id = $1`, [id, daysAgo]);
}

async function stored(id: string) {
  const [row] = await query<Record<string, unknown>>('SELECT * FROM reports WHERE id = $1', [id]);
  const [additions] = await query<{ n: number }>('SELECT count(*)::int AS n FROM report_additions WHERE report_id = $1', [id]);
  return { row: row!, additions: additions!.n };
}

beforeAll(async () => {
  sanad = await startTestSanad({ demo: true });
  hotline = await sanad.signIn('hotline');
  responder = await sanad.signIn('responder');
});
afterAll(async () => sanad?.close());

describe('retention of closed reports that led to no case', () => {
  it('erases the personal content of a closed, unlinked report past the limit and nothing else, once, with one audit row', async () => {
    const expired = await publicReport('Hay Mohammadi');
    await closeReport(expired.id, RETENTION_DAYS + 35);
    // A hotline call is erased under the same rule.
    const call = await hotline.post('/api/reports', {
      kind: 'trafficking_suspicion', channel: 'hotline_call', urgency: 'standard', region: 'MA-06', province: 'Ain Sebaa',
      narrative: 'A caller says her sister Nadia works without pay in a house in Ain Sebaa.', reporterContact: '+212 6 12 34 56 78',
    });
    const callId = (call.json() as { id: string }).id;
    await closeReport(callId, RETENTION_DAYS + 1);
    const recent = await publicReport('Sidi Moumen');
    await closeReport(recent.id, RETENTION_DAYS - 5);
    const open = await publicReport('Ben Msik');
    await query(`UPDATE reports SET received_at = now() - interval '800 days' WHERE id = $1`, [open.id]);
    // Held by a case: linked to it, or named as its source.
    const caseId = await openCaseVia(responder);
    const linked = await publicReport('Derb Sultan');
    await query('INSERT INTO report_cases (report_id, case_id) VALUES ($1, $2)', [linked.id, caseId]);
    await closeReport(linked.id, RETENTION_DAYS + 200);
    const source = await publicReport('Anfa');
    await query('UPDATE cases SET source_report_id = $1 WHERE id = $2', [source.id, caseId]);
    await closeReport(source.id, RETENTION_DAYS + 200);

    const first = await sweepReportRetention(sanad.ctx.database.db, new Date(), RETENTION_DAYS);
    expect(first).toEqual({ reports: 2, additions: 1 });

    // The database holds nothing personal for the erased reports: no ciphertext, no place, no receipt hash, no additions.
    for (const id of [expired.id, callId]) {
      const { row, additions } = await stored(id);
      expect(row).toMatchObject({ narrative_enc: null, reporter_contact_enc: null, province: null, receipt_hash: null, status: 'closed', region: 'MA-06' });
      expect(row['erased_at']).toBeInstanceOf(Date);
      expect(JSON.stringify(row)).not.toMatch(/v1\./);
      expect(additions).toBe(0);
    }
    // The de-identified facts stay for the statistics.
    expect((await stored(expired.id)).row).toMatchObject({ kind: 'trafficking_suspicion', channel: 'online_form', exploitation_forms: ['domestic_servitude'], closure_reason: 'insufficient_information' });

    // Recent, open, linked and source reports keep everything.
    for (const kept of [recent, open, linked, source]) {
      const { row, additions } = await stored(kept.id);
      expect(row['erased_at']).toBeNull();
      expect(row['narrative_enc']).toMatch(/^v1\./);
      expect(row['reporter_contact_enc']).toMatch(/^v1\./);
      expect(row['receipt_hash']).not.toBeNull();
      expect(additions).toBe(1);
    }

    // One audit row, written by the system, with counts and no content.
    const audit = await query<{ actor_username: string; details: Record<string, unknown>; resource_id: string | null }>(
      `SELECT actor_username, details, resource_id FROM audit_events WHERE action = 'report.contentErased'`,
    );
    expect(audit).toEqual([{ actor_username: 'system', resource_id: null, details: expect.objectContaining({ count: 2, additions: 1, retentionDays: RETENTION_DAYS }) }]);

    // Running again erases nothing more and writes no audit row.
    expect(await sweepReportRetention(sanad.ctx.database.db, new Date(), RETENTION_DAYS)).toEqual({ reports: 0, additions: 0 });
    expect(await query(`SELECT 1 FROM audit_events WHERE action = 'report.contentErased'`)).toHaveLength(1);
  });

  it('takes no more additions for an erased report and shows the hotline when it was erased', async () => {
    const expired = await publicReport('Maarif');
    await closeReport(expired.id, RETENTION_DAYS + 1);
    expect((await sweepReportRetention(sanad.ctx.database.db, new Date(), RETENTION_DAYS)).reports).toBe(1);

    // The receipt code answers exactly as an unknown code does, and adds nothing.
    const late = await publicPost('/api/public/reports/additions', { receiptCode: expired.receiptCode, text: 'One more thing.' });
    expect(late.statusCode).toBe(202);
    expect((await stored(expired.id)).additions).toBe(0);

    const detail = (await hotline.get(`/api/reports/${expired.id}`)).json() as Record<string, unknown>;
    expect(detail).toMatchObject({ narrative: null, reporterContact: null, province: null, additions: [], status: 'closed' });
    expect(typeof detail['erasedAt']).toBe('string');
  });

  it('refuses a row marked erased that still holds content (CHECK)', async () => {
    const kept = await publicReport('Bourgogne');
    await closeReport(kept.id, 10);
    await expect(query(`UPDATE reports SET erased_at = now() WHERE id = $1`, [kept.id])).rejects.toThrow(/reports_erased_check/);
  });
});

describe('retention configuration', () => {
  it('defaults to 365 days, refuses less than 30, and tells the public page', async () => {
    expect(loadConfig({}).publicReportRetentionDays).toBe(365);
    expect(loadConfig({ SANAD_PUBLIC_REPORT_RETENTION_DAYS: '90' }).publicReportRetentionDays).toBe(90);
    expect(() => loadConfig({ SANAD_PUBLIC_REPORT_RETENTION_DAYS: '29' })).toThrow(ConfigError);
    const config = await sanad.anonymous().get('/api/config/public');
    expect(config.json()).toMatchObject({ publicReportRetentionDays: 365 });
  });
});
