import { randomInt } from 'node:crypto';
import { RECEIPT_ALPHABET } from '@shared/api/reports.js';
import { blindIndex } from '../crypto/blind-index.js';
import type { Keyring } from '../crypto/keyring.js';

const GROUPS = 3;
const GROUP_LENGTH = 3;

/** A random receipt code such as `R7K-4QX-9MZ` (about 44 bits), easy to read aloud and to type. */
export function generateReceiptCode(): string {
  const groups: string[] = [];
  for (let g = 0; g < GROUPS; g += 1) {
    let group = '';
    for (let i = 0; i < GROUP_LENGTH; i += 1) group += RECEIPT_ALPHABET[randomInt(RECEIPT_ALPHABET.length)];
    groups.push(group);
  }
  return groups.join('-');
}

/**
 * The keyed hash stored in place of the code: a stolen table cannot be
 * brute-forced back to codes without the key. Case and dashes do not matter.
 */
export function receiptHash(keyring: Keyring, code: string): string {
  return blindIndex(keyring, 'report.receipt', code.toUpperCase().replace(/[^0-9A-Z]/g, ''));
}
