import { eq } from 'drizzle-orm';
import type { Person, PersonInput, PersonPatch } from '@shared/api/cases.js';
import { isUsableDay, MAX_YEAR, MIN_YEAR } from '@shared/api/fields.js';
import { mergePatch } from '@shared/api/patch.js';
import { blindIndex } from '../crypto/blind-index.js';
import { openOptional, sealOptional, type EncryptedTextColumn } from '../crypto/encrypted-columns.js';
import type { Keyring } from '../crypto/keyring.js';
import type { Tx } from '../db/database.js';
import { personIndexKeys, persons } from '../db/schema/index.js';
import { nameSkeleton } from './name-skeleton.js';
import { normaliseName, searchKeysOf, type IndexKey } from './person-search-keys.js';

type PersonRow = typeof persons.$inferSelect;
export type { IndexKey } from './person-search-keys.js';
export { normaliseName } from './person-search-keys.js';

/**
 * The version of the blind-index scheme a person's keys were derived with. Raise it when
 * the keys change (new kinds, another normalisation): persons with an older version are
 * re-indexed at start (person-reindex.ts), since only the application holds the HMAC key.
 */
export const PERSON_INDEX_VERSION = 2;

/** The birth year to match on: the stated year, else the year of the date of birth. */
export function birthYearOf(person: Pick<PersonInput, 'birthYear' | 'birthDate'>): number | null {
  return person.birthYear ?? (person.birthDate ? Number(person.birthDate.slice(0, 4)) : null);
}

function fullNames(person: PersonInput): string[] {
  const pairs: [string | null, string | null][] = [
    [person.givenNameAr, person.familyNameAr],
    [person.givenNameLatin, person.familyNameLatin],
  ];
  return [...pairs.map(([given, family]) => [given, family].filter(Boolean).join(' ')), ...person.aliases].filter((n) => n.length > 0);
}

/** The name lookup key of a search term (the same HMAC as a stored full name, alias or family name). */
export function nameLookupKey(keyring: Keyring, term: string): string {
  return blindIndex(keyring, 'person.name', normaliseName(term));
}

/** The fuzzy key of one name skeleton and birth year. */
export function skeletonYearKey(keyring: Keyring, skeleton: string, year: number): string {
  return blindIndex(keyring, 'person.skeleton_year', `${skeleton}|${year}`);
}

/**
 * Every blind-index key of a person.
 *
 * Trade-off of the fuzzy `skeleton_year` key: storing HMAC(skeleton | birth
 * year) lets the database find "محمد العلوي, 1995" and "Mohamed Alaoui, 1995"
 * without anyone decrypting anything, and the HMAC key never lives in the
 * database. The price is that equal keys are visible: someone holding a copy of
 * the database (not the key) learns that two persons share a coarse name
 * skeleton and birth year, and very common skeletons stand out by frequency.
 * We accept this because the alternative, decrypting every person to compare
 * names, would put every identity in memory on each case creation. Tolerance on
 * the year (±1) is applied at query time (three lookups), not stored, so the
 * table holds one key per name, not three.
 */
export function indexKeysOf(keyring: Keyring, person: PersonInput): IndexKey[] {
  const keys = new Map<string, IndexKey>();
  const add = (kind: IndexKey['kind'], key: string) => keys.set(`${kind}:${key}`, { kind, key });
  const year = birthYearOf(person);
  for (const fullName of fullNames(person)) {
    add('name', nameLookupKey(keyring, fullName));
    const skeleton = nameSkeleton(fullName);
    if (skeleton && year) add('skeleton_year', skeletonYearKey(keyring, skeleton, year));
  }
  // Reversed order and the family name alone, as people are searched for both ways.
  for (const [given, family] of [[person.givenNameAr, person.familyNameAr], [person.givenNameLatin, person.familyNameLatin]] as const) {
    if (given && family) add('name', nameLookupKey(keyring, `${family} ${given}`));
    if (family) add('name', nameLookupKey(keyring, family));
  }
  // Name parts and their skeletons, documents and phone (person-search-keys.ts).
  for (const { kind, key } of searchKeysOf(keyring, person)) add(kind, key);
  return [...keys.values()];
}

const DUPLICATE_KINDS = new Set<IndexKey['kind']>(['name', 'document', 'phone']);

/** The candidate keys to look another person up by (the fuzzy key widened to birth year ±1). */
export function lookupKeysOf(keyring: Keyring, person: PersonInput): IndexKey[] {
  // Sharing one name part (two women called Fatima) is not a reason to suspect the same person.
  const own = indexKeysOf(keyring, person).filter((k) => DUPLICATE_KINDS.has(k.kind));
  const year = birthYearOf(person);
  if (!year) return own;
  const skeletons = new Set(fullNames(person).map(nameSkeleton).filter(Boolean));
  for (const skeleton of skeletons) {
    for (const y of [year - 1, year, year + 1]) own.push({ kind: 'skeleton_year', key: skeletonYearKey(keyring, skeleton, y) });
  }
  return own;
}

function sealJson(keyring: Keyring, column: EncryptedTextColumn, value: unknown, empty: boolean) {
  return empty ? null : sealOptional(keyring, column, JSON.stringify(value));
}

/** The encrypted columns of a person row. */
export function encryptPerson(keyring: Keyring, person: PersonInput): Omit<typeof persons.$inferInsert, 'id'> {
  const { contact } = person;
  return {
    givenNameArEnc: sealOptional(keyring, persons.givenNameArEnc, person.givenNameAr),
    familyNameArEnc: sealOptional(keyring, persons.familyNameArEnc, person.familyNameAr),
    givenNameLatEnc: sealOptional(keyring, persons.givenNameLatEnc, person.givenNameLatin),
    familyNameLatEnc: sealOptional(keyring, persons.familyNameLatEnc, person.familyNameLatin),
    aliasesEnc: sealJson(keyring, persons.aliasesEnc, person.aliases, person.aliases.length === 0),
    birthDateEnc: sealOptional(keyring, persons.birthDateEnc, person.birthDate),
    birthYearEnc: sealOptional(keyring, persons.birthYearEnc, birthYearOf(person)?.toString()),
    birthYearEstimated: person.birthYearEstimated,
    sex: person.sex,
    citizenships: [...new Set(person.citizenships)],
    languages: [...new Set(person.languages)],
    identityDocumentsEnc: sealJson(keyring, persons.identityDocumentsEnc, person.identityDocuments, person.identityDocuments.length === 0),
    contactEnc: sealJson(keyring, persons.contactEnc, contact, !contact.phone && !contact.email && !contact.address),
    indexVersion: PERSON_INDEX_VERSION,
  };
}

function openJson<T>(keyring: Keyring, column: EncryptedTextColumn, sealed: string | null, fallback: T): T {
  const text = openOptional(keyring, column, sealed);
  return text === null ? fallback : (JSON.parse(text) as T);
}

/** A stored birth year as a number; anything that is not a whole number reads as unknown. */
function storedYear(value: string | null): number | null {
  return value !== null && /^-?\d{1,6}$/.test(value) ? Number(value) : null;
}

/** Decrypts a person row as stored (only ever for a caller allowed to read the case). */
export function decryptPerson(keyring: Keyring, row: PersonRow): Person {
  const year = storedYear(openOptional(keyring, persons.birthYearEnc, row.birthYearEnc));
  return {
    givenNameAr: openOptional(keyring, persons.givenNameArEnc, row.givenNameArEnc),
    familyNameAr: openOptional(keyring, persons.familyNameArEnc, row.familyNameArEnc),
    givenNameLatin: openOptional(keyring, persons.givenNameLatEnc, row.givenNameLatEnc),
    familyNameLatin: openOptional(keyring, persons.familyNameLatEnc, row.familyNameLatEnc),
    aliases: openJson(keyring, persons.aliasesEnc, row.aliasesEnc, []),
    birthDate: openOptional(keyring, persons.birthDateEnc, row.birthDateEnc),
    birthYear: year,
    birthYearEstimated: row.birthYearEstimated,
    sex: row.sex as Person['sex'],
    citizenships: row.citizenships as Person['citizenships'],
    languages: row.languages as Person['languages'],
    identityDocuments: openJson(keyring, persons.identityDocumentsEnc, row.identityDocumentsEnc, []),
    contact: openJson(keyring, persons.contactEnc, row.contactEnc, { phone: null, email: null, address: null }),
  };
}

/**
 * The identity as shown: a birth date or year stored before the edge refused
 * such values (`0000-01-01`, `2026-02-30`) reads as unknown rather than
 * breaking the page; the stored value stays until someone corrects it.
 */
export function presentablePerson(person: Person): Person {
  const yearUsable = person.birthYear !== null && person.birthYear >= MIN_YEAR && person.birthYear <= MAX_YEAR;
  return { ...person, birthDate: isUsableDay(person.birthDate) ? person.birthDate : null, birthYear: yearUsable ? person.birthYear : null };
}

/**
 * The stored identity with a patch applied: what was not sent is kept, at
 * every level (contact included). A new birth date sent without a year lets
 * the stored year (derived from the old date) follow the new date.
 */
export function patchPerson(stored: PersonInput, patch: PersonPatch): PersonInput {
  const merged = mergePatch(stored, patch);
  return patch.birthDate && patch.birthYear === undefined ? { ...merged, birthYear: null } : merged;
}

/** The name to show in lists: the Latin name, else the Arabic one, else the first alias. */
export function displayNameOf(keyring: Keyring, row: Pick<PersonRow, 'givenNameLatEnc' | 'familyNameLatEnc' | 'givenNameArEnc' | 'familyNameArEnc' | 'aliasesEnc'>): string | null {
  const latin = [openOptional(keyring, persons.givenNameLatEnc, row.givenNameLatEnc), openOptional(keyring, persons.familyNameLatEnc, row.familyNameLatEnc)].filter(Boolean).join(' ');
  if (latin) return latin;
  const arabic = [openOptional(keyring, persons.givenNameArEnc, row.givenNameArEnc), openOptional(keyring, persons.familyNameArEnc, row.familyNameArEnc)].filter(Boolean).join(' ');
  if (arabic) return arabic;
  return openJson<string[]>(keyring, persons.aliasesEnc, row.aliasesEnc, [])[0] ?? null;
}

/** Inserts a person with their blind indexes; returns the new id. */
export async function insertPerson(tx: Tx, keyring: Keyring, person: PersonInput): Promise<string> {
  const [row] = await tx.insert(persons).values(encryptPerson(keyring, person)).returning({ id: persons.id });
  await writeIndexKeys(tx, row!.id, indexKeysOf(keyring, person));
  return row!.id;
}

/** A person's identity as stored, for a change (never shown as it is: see presentablePerson). */
export async function loadPerson(tx: Tx, keyring: Keyring, personId: string): Promise<PersonInput> {
  const [row] = await tx.select().from(persons).where(eq(persons.id, personId));
  return decryptPerson(keyring, row!);
}

/** Replaces a person's identity and re-derives all their blind indexes. */
export async function replacePerson(tx: Tx, keyring: Keyring, personId: string, person: PersonInput): Promise<void> {
  await tx.update(persons).set({ ...encryptPerson(keyring, person), updatedAt: new Date() }).where(eq(persons.id, personId));
  await tx.delete(personIndexKeys).where(eq(personIndexKeys.personId, personId));
  await writeIndexKeys(tx, personId, indexKeysOf(keyring, person));
}

export async function writeIndexKeys(tx: Tx, personId: string, keys: IndexKey[]): Promise<void> {
  if (keys.length > 0) await tx.insert(personIndexKeys).values(keys.map((k) => ({ personId, ...k })));
}
