import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { CaseTransfer, IncomingTransfer } from '@shared/api/caseTransfers.js';
import { openOptional } from '../crypto/encrypted-columns.js';
import type { Keyring } from '../crypto/keyring.js';
import type { Tx } from '../db/database.js';
import { agencies, caseConsents, caseTransfers, cases, users } from '../db/schema/index.js';
import { inScope } from '../policies/access.js';
import { rolesGranted } from '../policies/assignees.js';
import type { Actor } from '../policies/authorize.js';
import type { CaseRow } from './case-scope.js';
import { hasConsent } from './consent.js';

const fromAgency = alias(agencies, 'from_agency');
const toAgency = alias(agencies, 'to_agency');
const requester = alias(users, 'requester');
const decider = alias(users, 'decider');

/** True when the agency is active and has an active user whose role accepts transfers addressed to it. */
export async function agencyCanReceive(tx: Tx, agencyId: string): Promise<boolean> {
  const receivers = rolesGranted('case.acceptTransfer', 'receivingAgency');
  const [row] = await tx
    .select({ one: sql<number>`1` })
    .from(agencies)
    .where(
      and(
        eq(agencies.id, agencyId),
        eq(agencies.disabled, false),
        sql`EXISTS (SELECT 1 FROM ${users} WHERE ${users.agencyId} = ${agencies.id} AND NOT ${users.disabled} AND ${users.roles} && ${`{${receivers.join(',')}}`}::text[])`,
      ),
    );
  return Boolean(row);
}

/**
 * The agencies a case may be handed to: those the person consented to share
 * with (decided by hasConsent, the one consent check), other than the owner,
 * that can take cases over. A handful at most, so each is checked in turn.
 */
export async function transferTargets(tx: Tx, kase: CaseRow): Promise<{ agencyId: string; agencyName: string }[]> {
  const named = await tx
    .selectDistinct({ agencyId: agencies.id, agencyName: agencies.name })
    .from(caseConsents)
    .innerJoin(agencies, eq(agencies.id, caseConsents.agencyId))
    .where(and(eq(caseConsents.caseId, kase.id), eq(caseConsents.type, 'share_with_organisation'), isNull(caseConsents.revokedAt)))
    .orderBy(asc(agencies.name));
  const targets = [];
  for (const agency of named) {
    if (agency.agencyId === kase.ownerAgencyId) continue;
    if ((await hasConsent(tx, kase.id, 'share_with_organisation', agency.agencyId)) && (await agencyCanReceive(tx, agency.agencyId))) targets.push(agency);
  }
  return targets;
}

/** Every transfer of a case, newest first, the note opened for the case's readers. */
export async function listCaseTransfers(tx: Tx, keyring: Keyring, caseId: string): Promise<CaseTransfer[]> {
  const rows = await tx
    .select({ t: caseTransfers, fromAgencyName: fromAgency.name, toAgencyName: toAgency.name, requestedByName: requester.displayName, decidedByName: decider.displayName })
    .from(caseTransfers)
    .innerJoin(fromAgency, eq(fromAgency.id, caseTransfers.fromAgencyId))
    .innerJoin(toAgency, eq(toAgency.id, caseTransfers.toAgencyId))
    .innerJoin(requester, eq(requester.id, caseTransfers.requestedBy))
    .leftJoin(decider, eq(decider.id, caseTransfers.decidedBy))
    .where(eq(caseTransfers.caseId, caseId))
    .orderBy(desc(caseTransfers.requestedAt));
  return rows.map(({ t, ...names }) => ({
    id: t.id,
    fromAgencyName: names.fromAgencyName,
    toAgencyId: t.toAgencyId,
    toAgencyName: names.toAgencyName,
    reason: t.reason,
    reasonNote: openOptional(keyring, caseTransfers.reasonNoteEnc, t.reasonNoteEnc),
    status: t.status,
    requestedByName: names.requestedByName,
    requestedAt: t.requestedAt.toISOString(),
    decidedByName: names.decidedByName,
    decidedAt: t.decidedAt?.toISOString() ?? null,
  }));
}

/**
 * The transfers waiting for the actor's agency, oldest first: case number,
 * sender, reason code and date, never the person or the note. The cases are
 * those the "receiving agency of a pending transfer" relationship reaches.
 */
export async function listIncomingTransfers(tx: Tx, actor: Actor): Promise<IncomingTransfer[]> {
  const rows = await tx
    .select({ id: caseTransfers.id, caseNumber: cases.caseNumber, fromAgencyName: fromAgency.name, reason: caseTransfers.reason, requestedAt: caseTransfers.requestedAt })
    .from(caseTransfers)
    .innerJoin(cases, eq(cases.id, caseTransfers.caseId))
    .innerJoin(fromAgency, eq(fromAgency.id, caseTransfers.fromAgencyId))
    .where(and(eq(caseTransfers.status, 'pending'), inScope(actor, 'case.acceptTransfer', 'case')))
    .orderBy(asc(caseTransfers.requestedAt))
    .limit(200);
  return rows.map((r) => ({ ...r, requestedAt: r.requestedAt.toISOString() }));
}
