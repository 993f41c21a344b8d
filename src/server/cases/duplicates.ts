import { and, desc, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { DuplicateCandidate } from '@shared/api/cases.js';
import type { DuplicateMatchReason } from '@shared/htcds/case.js';
import type { Keyring } from '../crypto/keyring.js';
import type { Tx } from '../db/database.js';
import { agencies, cases, personIndexKeys, persons } from '../db/schema/index.js';
import { notFound } from '../http/app-error.js';
import type { Actor } from '../policies/authorize.js';
import { inScope } from '../policies/access.js';
import { decryptPerson, displayNameOf, lookupKeysOf } from './person-identity.js';

const REASON_OF_KIND: Record<string, DuplicateMatchReason> = {
  document: 'same_document',
  phone: 'same_phone',
  name: 'same_name',
  skeleton_year: 'similar_name_birth_year',
};
const MAX_CANDIDATES = 20;

/**
 * Cases in any agency that may concern the same person as `caseId`: matched by
 * blind-index keys only (exact name, document, phone; name skeleton with birth
 * year ±1), so no other person's identity is decrypted to search. Each
 * candidate says whether the actor may open it; names are given only then.
 * The caller must already have loaded `caseId` within the actor's scope.
 */
export async function findDuplicateCandidates(tx: Tx, keyring: Keyring, actor: Actor, caseId: string): Promise<DuplicateCandidate[]> {
  const [own] = await tx.select({ person: persons }).from(cases).innerJoin(persons, eq(persons.id, cases.personId)).where(eq(cases.id, caseId));
  if (!own) throw notFound('Case');
  const person = decryptPerson(keyring, own.person);
  const keys = [...new Set(lookupKeysOf(keyring, person).map((k) => k.key))];
  if (keys.length === 0) return [];

  const rows = await tx
    .select({
      id: cases.id,
      caseNumber: cases.caseNumber,
      ownerAgencyName: agencies.name,
      ownAgency: sql<boolean>`(${cases.ownerAgencyId} = ${actor.agencyId})`,
      personId: cases.personId,
      kinds: sql<string[]>`array_agg(DISTINCT ${personIndexKeys.kind})`,
      sameCitizenship: sql<boolean>`${persons.citizenships} && ${`{${person.citizenships.join(',')}}`}::text[]`,
      // Never NULL (policies/access), so a case without a case manager reads as false.
      canRead: sql<boolean>`${inScope(actor, 'case.read', 'case')}`,
    })
    .from(personIndexKeys)
    .innerJoin(cases, eq(cases.personId, personIndexKeys.personId))
    .innerJoin(persons, eq(persons.id, cases.personId))
    .innerJoin(agencies, eq(agencies.id, cases.ownerAgencyId))
    .where(and(inArray(personIndexKeys.key, keys), ne(cases.personId, own.person.id), ne(cases.id, caseId), isNull(cases.mergedIntoCaseId)))
    .groupBy(cases.id, agencies.id, persons.id)
    .orderBy(desc(sql`count(DISTINCT ${personIndexKeys.kind})`), cases.caseNumber)
    .limit(MAX_CANDIDATES);

  // Identities only for the candidates the actor could open anyway.
  const readable = rows.filter((r) => r.canRead).map((r) => r.personId);
  const names = new Map<string, string | null>();
  if (readable.length > 0) {
    const identities = await tx.select().from(persons).where(inArray(persons.id, readable));
    for (const row of identities) names.set(row.id, displayNameOf(keyring, row));
  }
  return rows.map((r) => ({
    caseId: r.id,
    caseNumber: r.caseNumber,
    ownerAgencyName: r.ownerAgencyName,
    ownAgency: r.ownAgency,
    reasons: [...r.kinds.map((k) => REASON_OF_KIND[k]!), ...(r.sameCitizenship ? (['same_citizenship'] as const) : [])],
    canRead: r.canRead,
    displayName: r.canRead ? (names.get(r.personId) ?? null) : null,
  }));
}
