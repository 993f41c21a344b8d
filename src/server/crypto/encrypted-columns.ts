import { getTableName, type AnyColumn } from 'drizzle-orm';
import { customType } from 'drizzle-orm/pg-core';
import { decryptBytes, decryptText, encryptBytes, encryptText, looksLikeSealedBytes, looksLikeSealedText } from './encryption.js';
import type { Keyring } from './keyring.js';

/*
 * Encryption as a column type. An `_enc` column is declared with encryptedText
 * or encryptedBytes; its value can only come from seal() (plain text is not
 * assignable to it) and the driver refuses anything that is not a ciphertext.
 * The associated data (the "context") is derived from the column itself, so no
 * call site writes a context string and a value copied into another column
 * does not open.
 *
 * The keyring is passed at each call, not captured by the column: every
 * application context has its own keyring (tests run several in one process,
 * each with a random key), and a Drizzle column is a module-level object.
 */

declare const sealedBrand: unique symbol;

/** A ciphertext made by seal() for an encrypted text column. */
export type SealedText = string & { readonly [sealedBrand]: 'text' };

/** A ciphertext made by sealBytes() for an encrypted binary column. */
export type SealedBytes = Buffer & { readonly [sealedBrand]: 'bytes' };

/** Thrown when a value that is not a Sanad ciphertext is about to be written into an encrypted column. */
export class PlaintextWriteError extends Error {}

/** An `_enc` text column (AES-256-GCM, `v1.<keyId>.<iv>.<body>.<tag>`). */
export const encryptedText = customType<{ data: SealedText; driverData: string }>({
  dataType: () => 'text',
  toDriver(value) {
    if (!looksLikeSealedText(value)) throw new PlaintextWriteError('Refused to store a value that is not a ciphertext in an encrypted column: seal() it first.');
    return value;
  },
});

/** An `_enc` binary column (file contents), sealed per row by sealBytes(). */
export const encryptedBytes = customType<{ data: SealedBytes; driverData: Buffer }>({
  dataType: () => 'bytea',
  toDriver(value) {
    if (!looksLikeSealedBytes(value)) throw new PlaintextWriteError('Refused to store bytes that are not a ciphertext in an encrypted column: sealBytes() them first.');
    return value;
  },
});

/** A column declared with encryptedText. */
export type EncryptedTextColumn = AnyColumn<{ data: SealedText }>;
/** A column declared with encryptedBytes. */
export type EncryptedBytesColumn = AnyColumn<{ data: SealedBytes }>;

/**
 * Contexts that were written by hand before they were derived (issue 7). Data
 * sealed under them must keep opening, so these columns keep them. A renamed
 * table or column must be added here with its old context, or its data is lost
 * (encrypted-columns.test.ts pins every context).
 */
const LEGACY_CONTEXTS: Readonly<Record<string, string>> = {
  'users.totp_pending_secret_enc': 'user.totp_secret',
  'report_additions.text_enc': 'report.addition',
  'services_delivered.note_enc': 'service_delivered.note',
  'case_follow_ups.purpose_enc': 'follow_up.purpose',
  'case_follow_ups.outcome_note_enc': 'follow_up.outcome_note',
};

const SUFFIX = '_enc';

/**
 * The associated data bound to a column's ciphertexts: the table name in the
 * singular, a dot, the column name without `_enc` (`persons.birth_date_enc` →
 * `person.birth_date`), unless the column is listed in LEGACY_CONTEXTS.
 */
export function contextOf(column: EncryptedTextColumn | EncryptedBytesColumn): string {
  const table = getTableName(column.table);
  const qualified = `${table}.${column.name}`;
  if (!column.name.endsWith(SUFFIX)) throw new Error(`${qualified} is not an encrypted column: its name must end in ${SUFFIX}`);
  return LEGACY_CONTEXTS[qualified] ?? `${table.replace(/s$/, '')}.${column.name.slice(0, -SUFFIX.length)}`;
}

/** Encrypts a value for one encrypted text column. */
export function seal(keyring: Keyring, column: EncryptedTextColumn, plaintext: string): SealedText {
  return encryptText(keyring, plaintext, contextOf(column)) as SealedText;
}

/** Encrypts a value that may be absent: null, undefined and the empty string are stored as null. */
export function sealOptional(keyring: Keyring, column: EncryptedTextColumn, value: string | null | undefined): SealedText | null {
  return value === null || value === undefined || value === '' ? null : seal(keyring, column, value);
}

/** Decrypts a value read from the given column; throws KeyError for a wrong key, column or altered value. */
export function open(keyring: Keyring, column: EncryptedTextColumn, stored: string): string {
  return decryptText(keyring, stored, contextOf(column));
}

/** Decrypts a value that may be null; null stays null. */
export function openOptional(keyring: Keyring, column: EncryptedTextColumn, stored: string | null): string | null {
  return stored === null ? null : open(keyring, column, stored);
}

/** Encrypts bytes for one row of an encrypted binary column: the row id is bound too, so contents cannot be swapped between rows. */
export function sealBytes(keyring: Keyring, column: EncryptedBytesColumn, plain: Buffer, rowId: string): SealedBytes {
  return encryptBytes(keyring, plain, `${contextOf(column)}:${rowId}`) as SealedBytes;
}

/** Decrypts what sealBytes made for this column and row. */
export function openBytes(keyring: Keyring, column: EncryptedBytesColumn, stored: Buffer, rowId: string): Buffer {
  return decryptBytes(keyring, stored, `${contextOf(column)}:${rowId}`);
}
