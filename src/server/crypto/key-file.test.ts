import { chmod, mkdtemp, readdir, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config/config.js';
import { loadKeyring } from './keyring.js';

describe('a key file kept apart from the data', () => {
  it('creates SANAD_KEY_FILE (mode 0600, in a new 0700 directory) and nothing in the data directory', async () => {
    const root = await mkdtemp(join(tmpdir(), 'sanad-apart-'));
    const dataDir = join(root, 'data');
    const keyFile = join(root, 'secrets', 'sanad', 'master.key');
    const config = loadConfig({ SANAD_DATA_DIR: dataDir, SANAD_KEY_FILE: keyFile });
    expect(config.keyFile).toBe(keyFile);
    const first = await loadKeyring(config.dataDir, config.masterKey, config.keyFile);
    expect((await stat(keyFile)).mode & 0o777).toBe(0o600);
    expect((await stat(join(root, 'secrets', 'sanad'))).mode & 0o777).toBe(0o700);
    expect(await readdir(dataDir).catch(() => [])).not.toContain('master.key');
    const again = await loadKeyring(config.dataDir, config.masterKey, config.keyFile);
    expect(again.current.id).toBe(first.current.id);
    await chmod(keyFile, 0o640);
    await expect(loadKeyring(config.dataDir, config.masterKey, config.keyFile)).rejects.toThrow(/readable by other users/);
  });

  it('keeps the key beside the data by default, so `npm start` works with no configuration', () => {
    const config = loadConfig({ SANAD_DATA_DIR: '/srv/sanad-data' });
    expect(config.keyFile).toBe('/srv/sanad-data/master.key');
  });
});
