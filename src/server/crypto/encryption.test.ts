import { randomBytes } from 'node:crypto';
import { mkdtemp, stat, writeFile, chmod, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decryptText, encryptText } from './encryption.js';
import { blindIndex, normaliseForIndex } from './blind-index.js';
import { KeyError, keyringFromKeys, loadKeyring } from './keyring.js';

describe('encryption at rest', () => {
  const keyring = keyringFromKeys([randomBytes(32)]);

  it('round-trips Arabic and Latin text and never contains the plaintext', () => {
    for (const name of ['محمد العلوي', 'Mohamed Alaoui', '']) {
      const sealed = encryptText(keyring, name, 'person.name');
      expect(sealed.startsWith(`v1.${keyring.current.id}.`)).toBe(true);
      if (name) expect(sealed).not.toContain(name);
      expect(decryptText(keyring, sealed, 'person.name')).toBe(name);
    }
  });

  it('uses a fresh IV each time', () => {
    expect(encryptText(keyring, 'same', 'c')).not.toBe(encryptText(keyring, 'same', 'c'));
  });

  it('refuses a ciphertext moved to another column, altered, or sealed with an unknown key', () => {
    const sealed = encryptText(keyring, 'secret', 'person.name');
    expect(() => decryptText(keyring, sealed, 'person.phone')).toThrow(KeyError);
    const parts = sealed.split('.');
    parts[3] = Buffer.from('tampered').toString('base64url');
    expect(() => decryptText(keyring, parts.join('.'), 'person.name')).toThrow(KeyError);
    expect(() => decryptText(keyringFromKeys([randomBytes(32)]), sealed, 'person.name')).toThrow(/not configured/);
  });

  it('decrypts old data after rotation (new key first, old key kept)', () => {
    const oldKey = randomBytes(32);
    const before = keyringFromKeys([oldKey]);
    const sealed = encryptText(before, 'kept', 'c');
    const rotated = keyringFromKeys([randomBytes(32), oldKey]);
    expect(decryptText(rotated, sealed, 'c')).toBe('kept');
    expect(encryptText(rotated, 'x', 'c').split('.')[1]).toBe(rotated.current.id);
    // Blind indexes survive the rotation.
    expect(blindIndex(rotated, 'name', 'Kept')).toBe(blindIndex(before, 'name', 'kept'));
  });

  it('blind indexes match on normalised values and separate purposes', () => {
    expect(blindIndex(keyring, 'name', '  مُحَمَّد ')).toBe(blindIndex(keyring, 'name', 'محمد'));
    expect(blindIndex(keyring, 'name', 'ALAOUI')).toBe(blindIndex(keyring, 'name', 'alaoui'));
    expect(blindIndex(keyring, 'name', 'x')).not.toBe(blindIndex(keyring, 'document', 'x'));
    expect(normaliseForIndex('ـمحـمد')).toBe('محمد');
  });
});

describe('key loading', () => {
  it('creates a key file with mode 0600 on first start and reuses it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sanad-key-'));
    const first = await loadKeyring(dir, undefined);
    const mode = (await stat(join(dir, 'master.key'))).mode & 0o777;
    expect(mode).toBe(0o600);
    const second = await loadKeyring(dir, undefined);
    expect(second.current.id).toBe(first.current.id);
    expect(first.source).toBe('file');
  });

  it('refuses a key file other users can read', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sanad-key-'));
    await loadKeyring(dir, undefined);
    await chmod(join(dir, 'master.key'), 0o644);
    await expect(loadKeyring(dir, undefined)).rejects.toThrow(/readable by other users/);
  });

  it('refuses a malformed SANAD_MASTER_KEY with a clear message', async () => {
    await expect(loadKeyring('/nonexistent', 'not-a-key')).rejects.toThrow(/32 bytes of base64/);
    const good = randomBytes(32).toString('base64');
    expect((await loadKeyring('/nonexistent', good)).source).toBe('environment');
  });

  it('refuses a truncated key file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sanad-key-'));
    await writeFile(join(dir, 'master.key'), 'c2hvcnQ=\n', { mode: 0o600 });
    await expect(loadKeyring(dir, undefined)).rejects.toThrow(KeyError);
    expect(await readFile(join(dir, 'master.key'), 'utf8')).toBe('c2hvcnQ=\n');
  });
});
