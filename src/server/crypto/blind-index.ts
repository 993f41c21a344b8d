import { createHmac } from 'node:crypto';
import type { Keyring } from './keyring.js';

/**
 * Normalises a value for exact matching: Unicode NFKC, case-folded, Arabic
 * diacritics (harakat) and tatweel removed, whitespace collapsed.
 */
export function normaliseForIndex(value: string): string {
  return value
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u064B-\u065F\u0670\u0640]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A keyed HMAC-SHA256 "blind index" of a value: equal inputs give equal
 * indexes, so an encrypted field can be looked up exactly, while the index
 * alone does not reveal the value without the key. `purpose` separates
 * domains (a name index never matches a document-number index).
 */
export function blindIndex(keyring: Keyring, purpose: string, value: string): string {
  return createHmac('sha256', keyring.blindIndexKey).update(`${purpose}\u0000${normaliseForIndex(value)}`).digest('base64url');
}
