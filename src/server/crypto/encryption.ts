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

// The shape of what encryptText produces: key id (8 hex digits), IV (12 bytes), body, tag (16 bytes).
const SEALED_TEXT = /^v1\.[0-9a-f]{8}\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]{22}$/;
const KEY_ID_BYTES = 8;
const TAG_BYTES = 16;
const BYTES_HEADER = KEY_ID_BYTES + IV_BYTES + TAG_BYTES;

/** Whether a value has the shape of an encryptText ciphertext (says nothing about which key or context). */
export function looksLikeSealedText(value: unknown): value is string {
  return typeof value === 'string' && SEALED_TEXT.test(value);
}

/**
 * Encrypts bytes (file contents) with AES-256-GCM under the current key. Binary
 * layout: keyId (8 ascii) | iv (12) | tag (16) | ciphertext, without the base64
 * that would grow a file by a third; `context` is bound as associated data.
 */
export function encryptBytes(keyring: Keyring, plain: Buffer, context: string): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', keyring.current.key, iv);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([Buffer.from(keyring.current.id, 'ascii'), iv, cipher.getAuthTag(), body]);
}

/** Decrypts what encryptBytes produced; throws KeyError on an unknown key or altered bytes. */
export function decryptBytes(keyring: Keyring, sealed: Buffer, context: string): Buffer {
  if (!looksLikeSealedBytes(sealed)) throw new KeyError('Not a Sanad binary ciphertext.');
  const keyId = sealed.subarray(0, KEY_ID_BYTES).toString('ascii');
  const key = keyring.byId.get(keyId);
  if (!key) throw new KeyError(`Data was encrypted with key ${keyId}, which is not configured.`);
  const decipher = createDecipheriv('aes-256-gcm', key.key, sealed.subarray(KEY_ID_BYTES, KEY_ID_BYTES + IV_BYTES));
  decipher.setAAD(Buffer.from(context, 'utf8'));
  decipher.setAuthTag(sealed.subarray(KEY_ID_BYTES + IV_BYTES, BYTES_HEADER));
  try {
    return Buffer.concat([decipher.update(sealed.subarray(BYTES_HEADER)), decipher.final()]);
  } catch {
    throw new KeyError('A binary ciphertext failed its integrity check (wrong key or altered data).');
  }
}

/** Whether a value has the shape of an encryptBytes ciphertext: a key id of 8 hex digits, then IV and tag. */
export function looksLikeSealedBytes(value: unknown): value is Buffer {
  return Buffer.isBuffer(value) && value.length >= BYTES_HEADER && /^[0-9a-f]{8}$/.test(value.subarray(0, KEY_ID_BYTES).toString('latin1'));
}

/** The key id a ciphertext was made with (for rotation reports). */
export function keyIdOfCiphertext(sealed: string): string | undefined {
  return sealed.split('.')[1];
}
