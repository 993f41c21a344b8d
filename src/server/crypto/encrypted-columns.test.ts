import { randomBytes } from 'node:crypto';
import { eq, getTableColumns, getTableName, is, type Column } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Tx } from '../db/database.js';
import * as schema from '../db/schema/index.js';
import { startTestSanad, type TestSanad } from '../test/harness.js';
import { contextOf, open, openBytes, PlaintextWriteError, seal, sealBytes, type EncryptedBytesColumn, type EncryptedTextColumn, type SealedText } from './encrypted-columns.js';
import { KeyError, keyringFromKeys } from './keyring.js';

const tables = Object.values(schema as Record<string, unknown>).filter((value): value is PgTable => is(value, PgTable));
const allColumns = tables.flatMap((table) => Object.values(getTableColumns(table)) as Column[]);
const qualifiedName = (column: Column) => `${getTableName(column.table)}.${column.name}`;
const isBinary = (column: Column) => column.getSQLType() === 'bytea';

/** Whether the column's driver mapping refuses a plaintext (the property that makes a column encrypted). */
function refusesPlaintext(column: Column): boolean {
  try {
    column.mapToDriverValue(isBinary(column) ? Buffer.from('%PDF-1.7 a plain file') : 'a plain value');
    return false;
  } catch (error) {
    return error instanceof PlaintextWriteError;
  }
}

const encryptedColumns = allColumns.filter(refusesPlaintext);
const textColumns = encryptedColumns.filter((c) => !isBinary(c)) as unknown as EncryptedTextColumn[];
const binaryColumns = encryptedColumns.filter(isBinary) as unknown as EncryptedBytesColumn[];

/**
 * The context of every encrypted column, as written before contexts were
 * derived (issue 7). Data in existing databases was sealed under these: a
 * rename that changes one must add the old context to LEGACY_CONTEXTS.
 */
const PINNED_CONTEXTS = {
  'users.totp_secret_enc': 'user.totp_secret',
  'users.totp_pending_secret_enc': 'user.totp_secret',
  'persons.given_name_ar_enc': 'person.given_name_ar',
  'persons.family_name_ar_enc': 'person.family_name_ar',
  'persons.given_name_lat_enc': 'person.given_name_lat',
  'persons.family_name_lat_enc': 'person.family_name_lat',
  'persons.aliases_enc': 'person.aliases',
  'persons.birth_date_enc': 'person.birth_date',
  'persons.birth_year_enc': 'person.birth_year',
  'persons.identity_documents_enc': 'person.identity_documents',
  'persons.contact_enc': 'person.contact',
  'cases.risk_assessment_enc': 'case.risk_assessment',
  'cases.non_punishment_note_enc': 'case.non_punishment_note',
  'cases.closure_note_enc': 'case.closure_note',
  'trafficking_events.description_enc': 'trafficking_event.description',
  'case_notes.body_enc': 'case_note.body',
  'case_consents.guardian_name_enc': 'case_consent.guardian_name',
  'case_transfers.reason_note_enc': 'case_transfer.reason_note',
  'case_attachments.file_name_enc': 'case_attachment.file_name',
  'case_attachments.content_enc': 'case_attachment.content',
  'reports.narrative_enc': 'report.narrative',
  'reports.reporter_contact_enc': 'report.reporter_contact',
  'report_additions.text_enc': 'report.addition',
  'screenings.override_reason_enc': 'screening.override_reason',
  'referrals.reason_details_enc': 'referral.reason_details',
  'referrals.snapshot_enc': 'referral.snapshot',
  'referrals.decline_note_enc': 'referral.decline_note',
  'referrals.cancel_note_enc': 'referral.cancel_note',
  'referrals.override_justification_enc': 'referral.override_justification',
  'referrals.override_review_note_enc': 'referral.override_review_note',
  'services_delivered.note_enc': 'service_delivered.note',
  'support_plans.objectives_enc': 'support_plan.objectives',
  'support_plans.action_plan_enc': 'support_plan.action_plan',
  'case_follow_ups.purpose_enc': 'follow_up.purpose',
  'case_follow_ups.outcome_note_enc': 'follow_up.outcome_note',
  'case_returns.note_enc': 'case_return.note',
  'reintegration_milestones.note_enc': 'reintegration_milestone.note',
};

describe('encrypted columns in the schema', () => {
  it('walks every table of the schema', () => {
    expect(tables.length).toBeGreaterThan(20);
    expect(tables.map((t) => getTableName(t))).toEqual(expect.arrayContaining(['persons', 'users', 'referrals', 'case_attachments']));
  });

  it('declares every *_enc column, and only those, with the encrypted type', () => {
    const misdeclared = allColumns.filter((column) => column.name.endsWith('_enc') !== refusesPlaintext(column)).map(qualifiedName);
    expect(misdeclared, 'an _enc column that accepts plaintext, or an encrypted column not named _enc').toEqual([]);
    expect(encryptedColumns.length).toBe(Object.keys(PINNED_CONTEXTS).length);
  });

  it('derives the contexts that existing data was sealed under', () => {
    expect(Object.fromEntries(encryptedColumns.map((c) => [qualifiedName(c), contextOf(c as unknown as EncryptedTextColumn)]))).toEqual(PINNED_CONTEXTS);
  });

  it('lets a sealed value through the driver and binds it to its column', () => {
    const keyring = keyringFromKeys([randomBytes(32)]);
    const { persons, caseAttachments } = schema;
    const sealed = seal(keyring, persons.givenNameArEnc, 'محمد');
    expect(persons.givenNameArEnc.mapToDriverValue(sealed)).toBe(sealed);
    expect(open(keyring, persons.givenNameArEnc, sealed)).toBe('محمد');
    expect(() => open(keyring, persons.familyNameArEnc, sealed)).toThrow(KeyError);
    const bytes = sealBytes(keyring, caseAttachments.contentEnc, Buffer.from('%PDF-1.7'), 'row-1');
    expect(caseAttachments.contentEnc.mapToDriverValue(bytes)).toBe(bytes);
    expect(openBytes(keyring, caseAttachments.contentEnc, bytes, 'row-1').toString()).toBe('%PDF-1.7');
    expect(() => openBytes(keyring, caseAttachments.contentEnc, bytes, 'row-2')).toThrow(KeyError);
  });
});

/** Never called: the compiler checks that plaintext cannot be written into an encrypted column. */
export async function plaintextDoesNotCompile(tx: Tx) {
  // @ts-expect-error a plain string is not a SealedText
  await tx.insert(schema.caseNotes).values({ caseId: 'c', authorId: 'a', bodyEnc: 'plain note' });
}

/**
 * Fills the encrypted columns the demo pathway leaves empty, through the API:
 * a 2FA enrolment, a case with aliases, a birth date and a non-punishment note,
 * a case note, an attachment and a follow-up done with an outcome note.
 */
async function fillWhatTheDemoLeavesEmpty(sanad: TestSanad): Promise<void> {
  const casemanager = await sanad.signIn('casemanager');
  const created = await casemanager.post('/api/cases', {
    person: { givenNameLatin: 'Amina', familyNameLatin: 'Test', aliases: ['Mina'], birthDate: '2001-04-12' },
    region: 'MA-06',
    nonPunishment: true,
    nonPunishmentGround: 'immigration_proceedings',
    nonPunishmentNote: 'Irregular entry was a direct consequence of the trafficking.',
  });
  expect(created.statusCode, created.body).toBe(201);
  const caseId = created.json().case.id as string;
  const note = await casemanager.post(`/api/cases/${caseId}/notes`, { body: 'First interview held with an interpreter.' });
  expect(note.statusCode, note.body).toBe(201);
  const guardian = await casemanager.post(`/api/cases/${caseId}/consents`, { type: 'services', method: 'guardian', guardianName: 'Aicha Benali', guardianRelationship: 'parent' });
  expect(guardian.statusCode, guardian.body).toBe(201);
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('a tiny png')]);
  const attachment = await casemanager.post(`/api/cases/${caseId}/attachments`, { fileName: 'medical-certificate.png', contentBase64: png.toString('base64') });
  expect(attachment.statusCode, attachment.body).toBe(201);
  const followUp = await casemanager.post(`/api/cases/${caseId}/follow-ups`, { dueDate: '2026-09-01', purpose: 'Check on housing' });
  expect(followUp.statusCode, followUp.body).toBe(201);
  const followUpId = (followUp.json().items as { id: string }[])[0]!.id;
  const done = await casemanager.post(`/api/cases/${caseId}/follow-ups/${followUpId}/done`, { outcomeNote: 'Housed with her sister.' });
  expect(done.statusCode, done.body).toBe(200);
  // The police ask again for the demo's pending transfer, this time with a note (case_transfers.reason_note_enc).
  const responder = await sanad.signIn('responder');
  const { rows: pending } = await sanad.ctx.database.pool.query(`SELECT id, case_id, to_agency_id FROM case_transfers WHERE status = 'pending' LIMIT 1`);
  const transfer = pending[0] as { id: string; case_id: string; to_agency_id: string };
  expect((await responder.post(`/api/cases/${transfer.case_id}/transfers/${transfer.id}/cancel`, {})).statusCode).toBe(200);
  const again = await responder.post(`/api/cases/${transfer.case_id}/transfers`, { toAgencyId: transfer.to_agency_id, reason: 'other', reasonNote: 'She moved to Rabat to live with her aunt.' });
  expect(again.statusCode, again.body).toBeLessThan(300);
  // The coordinator flags the demo consent override with a note (referrals.override_review_note_enc).
  const coordinator = await sanad.signIn('coordinator');
  const [override] = (await coordinator.get('/api/referrals/overrides')).json().items as { id: string }[];
  const flagged = await coordinator.post(`/api/referrals/${override!.id}/override-review`, { outcome: 'flagged', note: 'Consent could have been asked first.' });
  expect(flagged.statusCode, flagged.body).toBe(200);
}

describe('encrypted values in a database after the demo pathway and API writes', () => {
  let sanad: TestSanad;
  beforeAll(async () => {
    sanad = await startTestSanad({ demo: true, pathway: true });
    await fillWhatTheDemoLeavesEmpty(sanad);
  });
  afterAll(async () => sanad?.close());

  it('every encrypted column holds values, and each opens with the context of its own table and column', async () => {
    const { pool } = sanad.ctx.database;
    const { keyring } = sanad.ctx;
    const empty: string[] = [];
    const unopened: string[] = [];
    for (const column of textColumns) {
      const { rows } = await pool.query<{ value: string }>(`SELECT ${column.name} AS value FROM ${getTableName(column.table)} WHERE ${column.name} IS NOT NULL`);
      if (rows.length === 0) empty.push(qualifiedName(column));
      for (const { value } of rows) {
        try {
          open(keyring, column, value);
        } catch {
          unopened.push(`${qualifiedName(column)}: ${value.slice(0, 40)}`);
        }
      }
    }
    for (const column of binaryColumns) {
      const { rows } = await pool.query<{ id: string; value: Buffer }>(`SELECT id, ${column.name} AS value FROM ${getTableName(column.table)} WHERE ${column.name} IS NOT NULL`);
      if (rows.length === 0) empty.push(qualifiedName(column));
      for (const { id, value } of rows) {
        try {
          openBytes(keyring, column, value, id);
        } catch {
          unopened.push(`${qualifiedName(column)} row ${id}`);
        }
      }
    }
    expect(empty, 'columns this test never saw written (add a write above)').toEqual([]);
    expect(unopened, 'plaintext, or a value sealed for another column').toEqual([]);
  });

  it('refuses, before it reaches the database, a plaintext forced past the type', async () => {
    const { db } = sanad.ctx.database;
    const { caseNotes, persons } = schema;
    const [person] = await db.select({ id: persons.id }).from(persons).limit(1);
    await expect(db.update(persons).set({ givenNameLatEnc: 'Amina' as SealedText }).where(eq(persons.id, person!.id))).rejects.toThrow(PlaintextWriteError);
    const [note] = await db.select({ caseId: caseNotes.caseId, authorId: caseNotes.authorId }).from(caseNotes).limit(1);
    await expect(db.insert(caseNotes).values({ ...note!, bodyEnc: 'a plain note' as SealedText })).rejects.toThrow(PlaintextWriteError);
  });
});
