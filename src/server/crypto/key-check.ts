import { randomBytes } from 'node:crypto';
import type { Pool } from 'pg';
import { decryptText, encryptText } from './encryption.js';
import { KeyError, type Keyring } from './keyring.js';

const SETTING = 'encryption.key_check';
const CONTEXT = 'system.key_check';

/**
 * Proves at start that the configured keys open the data already stored: a
 * canary sealed with the first key is kept in the database. A wrong or missing
 * key stops Sanad with a clear message instead of writing data nobody can read.
 */
export async function verifyKeyringAgainstDatabase(pool: Pool, keyring: Keyring): Promise<'created' | 'verified'> {
  const { rows } = await pool.query<{ value: { sealed: string } }>('SELECT value FROM system_settings WHERE key = $1', [SETTING]);
  const existing = rows[0];
  if (!existing) {
    const sealed = encryptText(keyring, randomBytes(16).toString('hex'), CONTEXT);
    await pool.query('INSERT INTO system_settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING', [SETTING, { sealed }]);
    return 'created';
  }
  try {
    decryptText(keyring, existing.value.sealed, CONTEXT);
  } catch (error) {
    const where = keyring.source === 'environment' ? 'SANAD_MASTER_KEY' : 'the key file';
    throw new KeyError(
      `The encryption key from ${where} does not open the data in this database (${(error as Error).message}). ` +
        'Start Sanad with the key it was set up with. Never delete the key: encrypted identities cannot be recovered without it.',
    );
  }
  return 'verified';
}
