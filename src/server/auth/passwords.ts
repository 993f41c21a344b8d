import { hash, verify } from '@node-rs/argon2';
import { COMMON_PASSWORDS } from './common-passwords.js';

// @node-rs/argon2 exports Algorithm as a const enum, which isolatedModules cannot read: 2 is Argon2id.
const ARGON2ID = 2;
// OWASP's argon2id baseline: 19 MiB, 2 iterations, 1 lane (~80 ms here).
const ARGON2_OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const MIN_PASSWORD_LENGTH = 12;

export type PasswordWeakness = 'too_short' | 'common' | 'contains_username';

/** Why a password is refused, or null when it meets the policy. */
export function passwordWeakness(password: string, username?: string): PasswordWeakness | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) return 'too_short';
  const folded = password.toLowerCase();
  if (COMMON_PASSWORDS.has(folded) || COMMON_PASSWORDS.has(folded.replace(/[\d!@#$%^&*.]+$/, ''))) return 'common';
  if (username && username.length >= 3 && folded.includes(username.toLowerCase())) return 'contains_username';
  return null;
}

/** An argon2id hash (PHC string, salt included). */
export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

/** Checks a password against its stored hash. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/** Spends the same time as a real check, so an unknown username is not revealed by timing. */
export async function verifyAgainstDummy(password: string): Promise<void> {
  dummyHash ??= hashPassword('sanad-timing-equaliser-not-a-password');
  await verifyPassword(await dummyHash, password);
}
