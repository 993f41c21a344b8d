import { createHash, hkdfSync, randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** Thrown when the keys cannot be loaded or do not match the data: Sanad refuses to start. */
export class KeyError extends Error {}

/** One 256-bit master key and the id written beside every ciphertext made with it. */
export interface MasterKey {
  id: string;
  key: Buffer;
}

/**
 * The keys Sanad encrypts with. The first is current (used to encrypt); the
 * others are kept to decrypt older ciphertexts during a rotation.
 */
export interface Keyring {
  current: MasterKey;
  byId: Map<string, MasterKey>;
  /** Key for the blind indexes (derived, never the encryption key itself). */
  blindIndexKey: Buffer;
  source: 'environment' | 'file';
}

export const KEY_FILE_NAME = 'master.key';

/** A key's id: the first 8 hex digits of its SHA-256, so the id reveals nothing. */
export function keyIdOf(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 8);
}

function parseKeys(text: string, origin: string): MasterKey[] {
  const parts = text.split(/[\s,]+/).filter(Boolean);
  if (parts.length === 0) throw new KeyError(`${origin} holds no key.`);
  return parts.map((part, index) => {
    const key = Buffer.from(part, 'base64');
    if (key.length !== 32 || key.toString('base64') !== part) {
      throw new KeyError(`${origin}: key ${index + 1} is not 32 bytes of base64 (generate one with: openssl rand -base64 32).`);
    }
    return { id: keyIdOf(key), key };
  });
}

function keyringOf(keys: MasterKey[], source: Keyring['source']): Keyring {
  const current = keys[0]!;
  // The blind-index key stays tied to the first key ever used (recorded in the
  // key file or the first env key) so that indexes survive rotation.
  const blindIndexKey = Buffer.from(hkdfSync('sha256', keys[keys.length - 1]!.key, Buffer.alloc(0), 'sanad blind index v1', 32));
  return { current, byId: new Map(keys.map((k) => [k.id, k])), blindIndexKey, source };
}

/**
 * Loads the keyring from `SANAD_MASTER_KEY` (comma-separated base64 keys, newest
 * first) or from the key file (`SANAD_KEY_FILE`, by default `<dataDir>/master.key`),
 * creating that file with mode 0600 (in a 0700 directory) on first start. The file
 * may live apart from the data, so that a copy of the data never carries its key.
 * Never falls back to storing plaintext.
 */
export async function loadKeyring(dataDir: string, masterKeyEnv: string | undefined, file: string = join(dataDir, KEY_FILE_NAME)): Promise<Keyring> {
  if (masterKeyEnv) return keyringOf(parseKeys(masterKeyEnv, 'SANAD_MASTER_KEY'), 'environment');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new KeyError(`Cannot read the key file ${file}: ${(error as Error).message}`);
    await mkdir(dirname(file), { recursive: true, mode: 0o700 });
    text = randomBytes(32).toString('base64') + '\n';
    await writeFile(file, text, { mode: 0o600, flag: 'wx' });
    await chmod(file, 0o600);
  }
  const mode = (await stat(file)).mode & 0o777;
  if (mode & 0o077) throw new KeyError(`The key file ${file} is readable by other users (mode ${mode.toString(8)}). Run: chmod 600 ${file}`);
  return keyringOf(parseKeys(text, file), 'file');
}

/** A keyring from raw keys (tests and tools). */
export function keyringFromKeys(keys: Buffer[]): Keyring {
  return keyringOf(keys.map((key) => ({ id: keyIdOf(key), key })), 'environment');
}
