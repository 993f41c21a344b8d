import { asc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { eventBody } from '@shared/api/cases.js';
import { recordAudit, type AuditContext } from '../audit/record-audit.js';
import { open, openOptional, seal, sealOptional } from '../crypto/encrypted-columns.js';
import type { Keyring } from '../crypto/keyring.js';
import type { Tx } from '../db/database.js';
import { caseNotes, traffickingEvents, users } from '../db/schema/index.js';
import { AppError } from '../http/app-error.js';
import type { Actor } from '../policies/authorize.js';
import type { CaseRow } from './case-scope.js';

/** Adds a case comment (cco_), encrypted, to a case the caller loaded for `case.update`. */
export async function addNote(tx: Tx, keyring: Keyring, actor: Actor, audit: AuditContext, { id: caseId }: CaseRow, body: string): Promise<string> {
  const [row] = await tx.insert(caseNotes).values({ caseId, bodyEnc: seal(keyring, caseNotes.bodyEnc, body), authorId: actor.userId }).returning({ id: caseNotes.id });
  await recordAudit(tx, audit, { action: 'case.noteAdded', resourceType: 'case', resourceId: caseId, changedFields: ['notes'], details: { noteId: row!.id } });
  return row!.id;
}

/** The notes of a case, oldest first, decrypted. */
export async function listNotes(tx: Tx, keyring: Keyring, caseId: string) {
  const rows = await tx
    .select({ id: caseNotes.id, bodyEnc: caseNotes.bodyEnc, authorName: users.displayName, createdAt: caseNotes.createdAt })
    .from(caseNotes)
    .innerJoin(users, eq(users.id, caseNotes.authorId))
    .where(eq(caseNotes.caseId, caseId))
    .orderBy(asc(caseNotes.createdAt));
  return rows.map((r) => ({ id: r.id, body: open(keyring, caseNotes.bodyEnc, r.bodyEnc), authorName: r.authorName, createdAt: r.createdAt.toISOString() }));
}

/** Records a recruitment, transit or exploitation event (hte_) on a case the caller loaded for `case.update`. */
export async function addTraffickingEvent(tx: Tx, keyring: Keyring, actor: Actor, audit: AuditContext, { id: caseId }: CaseRow, input: z.infer<typeof eventBody>): Promise<string> {
  if (input.startDate && input.endDate && input.endDate < input.startDate) {
    throw new AppError('VALIDATION_FAILED', 'The end date is before the start date', { issues: [{ field: 'endDate', reason: 'before_start' }] });
  }
  const { description, ...rest } = input;
  const [row] = await tx
    .insert(traffickingEvents)
    .values({ ...rest, caseId, descriptionEnc: sealOptional(keyring, traffickingEvents.descriptionEnc, description), createdBy: actor.userId })
    .returning({ id: traffickingEvents.id });
  await recordAudit(tx, audit, { action: 'case.eventAdded', resourceType: 'case', resourceId: caseId, changedFields: ['events'], details: { eventId: row!.id, type: input.type, country: input.country } });
  return row!.id;
}

/** The trafficking events of a case, in date order. */
export async function listTraffickingEvents(tx: Tx, keyring: Keyring, caseId: string) {
  const rows = await tx
    .select()
    .from(traffickingEvents)
    .where(eq(traffickingEvents.caseId, caseId))
    .orderBy(sql`${traffickingEvents.startDate} NULLS LAST`, asc(traffickingEvents.createdAt));
  return rows.map((r) => ({
    id: r.id,
    type: r.type as 'Recruitment' | 'Transit' | 'Exploitation',
    country: r.country as never,
    region: r.region,
    city: r.city,
    startDate: r.startDate,
    endDate: r.endDate,
    description: openOptional(keyring, traffickingEvents.descriptionEnc, r.descriptionEnc),
  }));
}
