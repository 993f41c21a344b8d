import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { KeyError, type Keyring } from './keyring.js';

const FORMAT = 'v1';
const IV_BYTES = 12;

/**
 * Encrypts a string with AES-256-GCM under the current key.
 * Output: `v1.<keyId>.<iv>.<ciphertext>.<tag>` (base64url parts). `context`
 * (e.g. "person.name") is bound as associated data, so a ciphertext copied into
 * another column does not decrypt.
 */
export function encryptText(keyring: Keyring, plaintext: string, context: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', keyring.current.key, iv);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [FORMAT, keyring.current.id, iv.toString('base64url'), body.toString('base64url'), tag.toString('base64url')].join('.');
}

/** Decrypts what encryptText produced; throws KeyError for an unknown key or a tampered value. */
export function decryptText(keyring: Keyring, sealed: string, context: string): string {
  const parts = sealed.split('.');
  if (parts.length !== 5 || parts[0] !== FORMAT) throw new KeyError('Not a Sanad ciphertext.');
  const [, keyId, iv, body, tag] = parts as [string, string, string, string, string];
  const key = keyring.byId.get(keyId);
  if (!key) throw new KeyError(`Data was encrypted with key ${keyId}, which is not configured.`);
  const decipher = createDecipheriv('aes-256-gcm', key.key, Buffer.from(iv, 'base64url'));
  decipher.setAAD(Buffer.from(context, 'utf8'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  try {
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    throw new KeyError('A ciphertext failed its integrity check (wrong key or altered data).');
  }
}

/** Encrypts a nullable value; null stays null. */
export function encryptOptional(keyring: Keyring, value: string | null | undefined, context: string): string | null {
  return value === null || value === undefined || value === '' ? null : encryptText(keyring, value, context);
}

/** Decrypts a nullable value; null stays null. */
export function decryptOptional(keyring: Keyring, sealed: string | null, context: string): string | null {
  return sealed === null ? null : decryptText(keyring, sealed, context);
}

/** The key id a ciphertext was made with (for rotation reports). */
export function keyIdOfCiphertext(sealed: string): string | undefined {
  return sealed.split('.')[1];
}
