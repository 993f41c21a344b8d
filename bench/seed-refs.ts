import type pg from 'pg';
import { encryptText } from '../src/server/crypto/encryption.js';
import type { Keyring } from '../src/server/crypto/keyring.js';
import { DEMO_AGENCIES } from '../src/server/demo/demo-accounts.js';

/**
 * SQL for the deterministic id of generated row `indexExpr` of `label`: md5 of
 * both, stamped as a version-4 UUID (the API's schemas reject other versions).
 * One INSERT … SELECT can so point at rows another one made, with no round trip.
 */
export function benchId(label: string, indexExpr: string): string {
  return `overlay(overlay(md5('bench-${label}-' || ${indexExpr}) placing '4' from 13) placing '8' from 17)::uuid`;
}

/** Demo agency ids by their key in demo-accounts.ts, and demo user ids by username. */
export interface ScaleRefs {
  agency: Record<string, string>;
  user: Record<string, string>;
}

/** Reads the ids of the demo agencies and users the generated rows point at. */
export async function loadRefs(pool: pg.Pool): Promise<ScaleRefs> {
  const agencies = await pool.query<{ id: string; name: string }>('SELECT id, name FROM agencies');
  const users = await pool.query<{ id: string; username: string }>('SELECT id, username FROM users');
  const byName = new Map(agencies.rows.map((a) => [a.name, a.id]));
  return {
    agency: Object.fromEntries(DEMO_AGENCIES.map((a) => [a.key, byName.get(a.name)!])),
    user: Object.fromEntries(users.rows.map((u) => [u.username, u.id])),
  };
}

/**
 * Real ciphertexts for a column, one per plaintext: rows reuse them by index in
 * SQL (`($1::text[])[1 + i % n]`), so every value the benchmark decrypts is a
 * valid AES-GCM ciphertext bound to its column, without encrypting a million values.
 */
export function cipherPool(keyring: Keyring, context: string, plaintexts: readonly string[]): string[] {
  return plaintexts.map((text) => encryptText(keyring, text, context));
}

export const GIVEN_NAMES = [
  'Fatima', 'Aicha', 'Khadija', 'Mariam', 'Salma', 'Nadia', 'Hafsa', 'Zineb', 'Imane', 'Sara',
  'Blessing', 'Joy', 'Precious', 'Mercy', 'Grace', 'Aminata', 'Fatoumata', 'Awa', 'Mariama', 'Kadiatou',
  'Mohamed', 'Youssef', 'Omar', 'Ahmed', 'Hamza', 'Ibrahim', 'Moussa', 'Ousmane', 'Mamadou', 'Abdoulaye',
  'Chidi', 'Emeka', 'Samuel', 'Jean', 'Paul', 'Rania', 'Lina', 'Maria', 'Joanna', 'Rosalie',
] as const;

export const FAMILY_NAMES = [
  'Alaoui', 'Benali', 'Idrissi', 'Tazi', 'Berrada', 'Chraibi', 'Lahlou', 'Ouazzani', 'El Amrani', 'Bennani',
  'Okafor', 'Adeyemi', 'Eze', 'Nwosu', 'Obi', 'Diallo', 'Barry', 'Bah', 'Sow', 'Camara',
  'Traore', 'Coulibaly', 'Kone', 'Toure', 'Ndiaye', 'Diop', 'Fall', 'Gueye', 'Mbaye', 'Sarr',
  'Nkwenti', 'Fotso', 'Tchoupo', 'Kouassi', 'Yao', "N'Guessan", 'Haddad', 'Khoury', 'Santos', 'Reyes',
  'Cruz', 'Bautista', 'Mendoza', 'Garcia', 'Aziz', 'Hamdi', 'Saleh', 'Najjar', 'Kamara', 'Sesay',
] as const;

/** Distinct full names the persons cycle through: person i gets name `i % NAME_COMBINATIONS`. */
export const NAME_COMBINATIONS = GIVEN_NAMES.length * FAMILY_NAMES.length;

/** The given and family name of combination `c` (the SQL generators use the same arithmetic). */
export function nameOfCombination(c: number): { given: string; family: string } {
  return { given: GIVEN_NAMES[c % GIVEN_NAMES.length]!, family: FAMILY_NAMES[Math.floor(c / GIVEN_NAMES.length)]! };
}

export const NARRATIVES = [
  'Caller reports young women kept in an apartment and taken out at night.',
  'A neighbour heard a domestic worker crying; her passport is held by the employer.',
  'Men recruited for farm work are not paid and cannot leave the site.',
  'Children seen begging at the same junction every day, collected by an adult at dusk.',
  'A woman says she was promised a job in a hotel and now owes a large debt.',
  'Fishermen on a boat say their documents were taken and wages withheld.',
  'A teenager contacted the hotline from a cafe; she is not allowed to go out alone.',
  'A walk-in reporter describes a recruiter who takes migrants to construction sites.',
];
