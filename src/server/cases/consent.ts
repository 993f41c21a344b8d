import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Consent, giveConsentBody } from '@shared/api/cases.js';
import type { ConsentType } from '@shared/htcds/case.js';
import { recordAudit, type AuditContext } from '../audit/record-audit.js';
import { openOptional, sealOptional } from '../crypto/encrypted-columns.js';
import type { Keyring } from '../crypto/keyring.js';
import type { Db, Tx } from '../db/database.js';
import { agencies, caseConsents, users } from '../db/schema/index.js';
import { AppError, notFound } from '../http/app-error.js';
import type { Actor } from '../policies/authorize.js';
import type { CaseRow } from './case-scope.js';

/**
 * True when the case holds an unrevoked consent of `type` (for
 * share_with_organisation: naming `agencyId`). Checked in the same transaction
 * as the act it permits, so a revocation takes effect at once. The referrals
 * module calls this before sharing anything.
 */
export async function hasConsent(tx: Tx | Db, caseId: string, type: ConsentType, agencyId?: string): Promise<boolean> {
  if (type === 'share_with_organisation' && !agencyId) return false;
  const rows = await tx
    .select({ one: sql<number>`1` })
    .from(caseConsents)
    .where(
      and(
        eq(caseConsents.caseId, caseId),
        eq(caseConsents.type, type),
        isNull(caseConsents.revokedAt),
        sql`${caseConsents.givenAt} <= now()`,
        type === 'share_with_organisation' ? eq(caseConsents.agencyId, agencyId!) : undefined,
      ),
    )
    .limit(1);
  return rows.length > 0;
}

/** A consent as stored, with the guardian's name still sealed (the case page reads it as JSON, case-detail-load.ts). */
export type StoredConsent = Omit<Consent, 'guardianName'> & { guardianNameEnc: string | null };

/** Opens the guardian's name of a stored consent: the name is shown where the consents are, never elsewhere. */
export function presentConsent(keyring: Keyring, { guardianNameEnc, ...stored }: StoredConsent): Consent {
  return { ...stored, guardianName: openOptional(keyring, caseConsents.guardianNameEnc, guardianNameEnc), guardianRelationship: stored.guardianRelationship ?? null };
}

/** Every consent of a case, oldest first, with who recorded it (and, for a guardian's, who the guardian is). */
export async function listConsents(tx: Tx | Db, keyring: Keyring, caseId: string): Promise<Consent[]> {
  const rows = await tx
    .select({ consent: caseConsents, agencyName: agencies.name, recordedByName: users.displayName })
    .from(caseConsents)
    .innerJoin(users, eq(users.id, caseConsents.recordedBy))
    .leftJoin(agencies, eq(agencies.id, caseConsents.agencyId))
    .where(eq(caseConsents.caseId, caseId))
    .orderBy(asc(caseConsents.givenAt), asc(caseConsents.recordedAt));
  return rows.map(({ consent, agencyName, recordedByName }) =>
    presentConsent(keyring, {
      id: consent.id,
      type: consent.type as Consent['type'],
      agencyId: consent.agencyId,
      agencyName,
      method: consent.method as Consent['method'],
      givenAt: consent.givenAt.toISOString(),
      recordedByName,
      revokedAt: consent.revokedAt?.toISOString() ?? null,
      guardianNameEnc: consent.guardianNameEnc,
      guardianRelationship: consent.guardianRelationship,
    }),
  );
}

/**
 * Records a consent the victim gave (dated, with how it was obtained) on a case the caller loaded for
 * `case.consent`. A guardian's consent for a child carries the guardian's name (sealed) and relationship.
 */
export async function giveConsent(tx: Tx, keyring: Keyring, actor: Actor, audit: AuditContext, { id: caseId }: CaseRow, input: z.infer<typeof giveConsentBody>): Promise<string> {
  if (input.agencyId) {
    const [agency] = await tx.select({ id: agencies.id }).from(agencies).where(eq(agencies.id, input.agencyId));
    if (!agency) throw new AppError('VALIDATION_FAILED', 'Unknown organisation', { issues: [{ field: 'agencyId', reason: 'unknown' }] });
  }
  const givenAt = input.givenAt ? new Date(input.givenAt) : new Date();
  if (givenAt.getTime() > Date.now() + 60_000) {
    throw new AppError('VALIDATION_FAILED', 'A consent cannot be dated in the future', { issues: [{ field: 'givenAt', reason: 'future' }] });
  }
  const [row] = await tx
    .insert(caseConsents)
    .values({
      caseId,
      type: input.type,
      agencyId: input.agencyId,
      method: input.method,
      givenAt,
      recordedBy: actor.userId,
      guardianNameEnc: sealOptional(keyring, caseConsents.guardianNameEnc, input.guardianName),
      guardianRelationship: input.guardianRelationship,
    })
    .returning({ id: caseConsents.id });
  await recordAudit(tx, audit, {
    action: 'case.consentGiven',
    resourceType: 'case',
    resourceId: caseId,
    changedFields: ['consents'],
    // The guardian's name stays out of the trail; that one was recorded, and their relationship, do not identify.
    details: { consentId: row!.id, type: input.type, agencyId: input.agencyId, method: input.method, ...(input.guardianRelationship ? { guardianRelationship: input.guardianRelationship } : {}) },
  });
  return row!.id;
}

/** Revokes a consent now (case loaded for `case.consent`); from this moment hasConsent answers false for it. */
export async function revokeConsent(tx: Tx, actor: Actor, audit: AuditContext, { id: caseId }: CaseRow, consentId: string): Promise<void> {
  const updated = await tx
    .update(caseConsents)
    .set({ revokedAt: new Date(), revokedBy: actor.userId })
    .where(and(eq(caseConsents.id, consentId), eq(caseConsents.caseId, caseId), isNull(caseConsents.revokedAt)))
    .returning({ id: caseConsents.id, type: caseConsents.type, agencyId: caseConsents.agencyId });
  if (!updated[0]) throw notFound('Consent');
  await recordAudit(tx, audit, {
    action: 'case.consentRevoked',
    resourceType: 'case',
    resourceId: caseId,
    changedFields: ['consents'],
    details: { consentId, type: updated[0].type, agencyId: updated[0].agencyId },
  });
}
