import type { PersonInput } from '@shared/api/cases.js';
import { blindIndex } from '../crypto/blind-index.js';
import type { Keyring } from '../crypto/keyring.js';
import { tokenSkeleton } from './name-skeleton.js';

/**
 * The searchable parts of an identity as keyed blind indexes: each name part,
 * its cross-script skeleton, document numbers and phone numbers. A search term
 * is turned into the same keys, so the case list finds a person by any part of
 * a name, in Arabic or Latin script, without a plaintext name stored anywhere
 * and without decrypting anyone to filter.
 */

/** Kinds of key kept for a person (the CHECK on person_index_keys.kind lists the same). */
export type IndexKeyKind = 'name' | 'document' | 'phone' | 'skeleton_year' | 'name_part' | 'name_part_skeleton';

/** One blind-index row: what kind of key, and the keyed HMAC itself. */
export interface IndexKey {
  kind: IndexKeyKind;
  key: string;
}

/**
 * A token skeleton of one consonant ("l" for Ali, Alaoui, Leila and العلوي) would
 * match a large share of all names: such parts are found by their spelling only.
 */
const MIN_PART_SKELETON = 2;
const ARTICLES = new Set(['al', 'el', 'ul', 'ال']);

/** Accents, punctuation and letter case removed, so "Aláoui-Mohamed" and "alaoui mohamed" look up the same. */
export function normaliseName(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f\u064B-\u065F\u0670\u0640]/g, '')
    .replace(/[-'’`.,_]+/g, ' ')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

export function normaliseDocument(value: string): string {
  return value.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

/**
 * Digits only, the international prefix 00 dropped, and a Moroccan number in its
 * national form: +212 6…, 00212 6…, 212 (0)6… and 06… are the same number. A
 * foreign number keeps its country code, so it never equals a Moroccan one.
 */
export function normalisePhone(value: string): string {
  let digits = value.replace(/\D/g, '');
  if (digits.startsWith('00')) digits = digits.slice(2);
  if (/^2120?\d{9}$/.test(digits)) digits = `0${digits.slice(-9)}`;
  return digits;
}

const MIN_PHONE_DIGITS = 6;

export function documentKey(keyring: Keyring, number: string): IndexKey | null {
  const normal = normaliseDocument(number);
  return normal.length >= 3 ? { kind: 'document', key: blindIndex(keyring, 'person.document', normal) } : null;
}

export function phoneKey(keyring: Keyring, phone: string): IndexKey | null {
  const normal = normalisePhone(phone);
  return normal.length >= MIN_PHONE_DIGITS ? { kind: 'phone', key: blindIndex(keyring, 'person.phone', normal) } : null;
}

/** Arabic spelling variants folded for exact part matching: ى/ي and ة/ه are written interchangeably. */
function foldPart(token: string): string {
  return token.replace(/ى/g, 'ي').replace(/ة/g, 'ه');
}

/** The parts of a name as searched: tokens of two letters or more, articles left out, "العلوي" also as "علوي". */
export function namePartsOf(name: string): string[] {
  const parts = new Set<string>();
  for (const token of normaliseName(name).split(' ')) {
    if (token.length < 2 || ARTICLES.has(token)) continue;
    parts.add(token);
    if (token.startsWith('ال') && token.length > 3) parts.add(token.slice(2));
  }
  return [...parts];
}

/** The keys one name part is found by: its spelling, and its skeleton when that is distinctive enough. */
function partKeys(keyring: Keyring, part: string): IndexKey[] {
  const keys: IndexKey[] = [{ kind: 'name_part', key: blindIndex(keyring, 'person.name_part', foldPart(part)) }];
  // From the part as written: the skeleton has its own reading of ة (silent) and ى.
  const skeleton = tokenSkeleton(part);
  if (skeleton.length >= MIN_PART_SKELETON) keys.push({ kind: 'name_part_skeleton', key: blindIndex(keyring, 'person.name_part_skeleton', skeleton) });
  return keys;
}

/** Every name a person is known by: given and family names in both scripts, and aliases. */
function allNames(person: PersonInput): string[] {
  return [person.givenNameAr, person.familyNameAr, person.givenNameLatin, person.familyNameLatin, ...person.aliases].filter((n): n is string => Boolean(n));
}

/** The searchable keys of a person: name parts and their skeletons, documents and phone. */
export function searchKeysOf(keyring: Keyring, person: PersonInput): IndexKey[] {
  const keys: IndexKey[] = [];
  for (const part of new Set(allNames(person).flatMap(namePartsOf))) keys.push(...partKeys(keyring, part));
  for (const doc of person.identityDocuments) {
    const key = documentKey(keyring, doc.number);
    if (key) keys.push(key);
  }
  const phone = person.contact.phone ? phoneKey(keyring, person.contact.phone) : null;
  if (phone) keys.push(phone);
  return keys;
}

/**
 * A search term as keys to look up. `term` 0 marks keys that match on their own
 * (a full name, a document, a phone number); terms 1…n are the words of the
 * search, each of which must be matched by one of its keys (spelling or skeleton).
 */
export interface SearchKeys {
  keys: (IndexKey & { term: number })[];
  words: number;
}

const MAX_WORDS = 6;

export function searchKeysFor(keyring: Keyring, q: string, fullNameKey: string): SearchKeys {
  const keys: SearchKeys['keys'] = [{ term: 0, kind: 'name', key: fullNameKey }];
  const document = documentKey(keyring, q);
  if (document && /\d/.test(q)) keys.push({ term: 0, ...document });
  const phone = /^[+\d\s().-]+$/.test(q) ? phoneKey(keyring, q) : null;
  if (phone) keys.push({ term: 0, ...phone });
  // Each word is one term; a word that folds to several parts (العلوي, علوي) matches by any of them.
  const words = normaliseName(q).split(' ').map(namePartsOf).filter((parts) => parts.length > 0).slice(0, MAX_WORDS);
  words.forEach((parts, index) => {
    for (const part of parts) for (const key of partKeys(keyring, part)) keys.push({ term: index + 1, ...key });
  });
  return { keys, words: words.length };
}
