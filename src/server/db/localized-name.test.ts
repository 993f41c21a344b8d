import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asc, eq, sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCALES } from '@shared/locales.js';
import { urlForDatabase, withDatabase } from '../test/postgres-admin.js';
import { openDatabase, type Database } from './database.js';
import { startEmbeddedDatabase } from './embedded.js';
import { allNames, localizedName, localizedNameOf, namesAfter } from './localized-name.js';
import { migrate } from './migrate.js';
import { agencies, serviceProviders } from './schema/index.js';

// A database that had agencies and providers before names per locale (0016): the upgrade puts each
// name in its own language's column, then the reader's name comes from the one SQL expression.
const serverUrl = process.env['DATABASE_URL'];
let dataDir: string;
let databaseName: string | undefined;
let database: Database;

async function upgrade(client: pg.ClientBase): Promise<void> {
  await migrate(client, { through: '0015' });
  await client.query(`INSERT INTO agencies (name, type) VALUES ('Gendarmerie royale – Tanger', 'Gendarmerie'), ('الدرك الملكي – العيون', 'Gendarmerie')`);
  await client.query(`INSERT INTO service_providers (agency_id, name) SELECT id, 'Unité de soins' FROM agencies WHERE name LIKE 'Gendarmerie%'`);
  await migrate(client);
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'sanad-names-'));
  if (serverUrl) {
    databaseName = `sanad_names_${randomBytes(4).toString('hex')}`;
    await withDatabase(serverUrl, (admin) => admin.query(`CREATE DATABASE ${databaseName}`));
    await withDatabase(urlForDatabase(serverUrl, databaseName), upgrade);
    database = await openDatabase({ databaseUrl: urlForDatabase(serverUrl, databaseName), poolSize: 2 });
  } else {
    const embedded = await startEmbeddedDatabase({ dataDir: join(dataDir, 'pgdata') });
    const client = new pg.Client(embedded.connection);
    await client.connect();
    await upgrade(client);
    await client.end();
    await embedded.stop();
    database = await openDatabase({ dataDir, poolSize: 2 });
  }
});
afterAll(async () => {
  await database?.close();
  if (serverUrl && databaseName) await withDatabase(serverUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`));
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('migration 0016 on existing rows', () => {
  it('puts each stored name in the column of its script: Arabic letters to Arabic, Latin to French', async () => {
    const rows = await database.db.select({ name: agencies.name, nameAr: agencies.nameAr, nameFr: agencies.nameFr, nameEn: agencies.nameEn }).from(agencies).orderBy(asc(agencies.name));
    expect(rows).toEqual([
      { name: 'Gendarmerie royale – Tanger', nameAr: null, nameFr: 'Gendarmerie royale – Tanger', nameEn: null },
      { name: 'الدرك الملكي – العيون', nameAr: 'الدرك الملكي – العيون', nameFr: null, nameEn: null },
    ]);
    const [provider] = await database.db.select({ nameFr: serviceProviders.nameFr, nameAr: serviceProviders.nameAr }).from(serviceProviders);
    expect(provider).toEqual({ nameFr: 'Unité de soins', nameAr: null });
  });

  it('refuses a second agency with the same name in one language, whatever the case', async () => {
    await expect(database.pool.query(`INSERT INTO agencies (name, name_fr, type) VALUES ('x', 'GENDARMERIE ROYALE – TANGER', 'Police')`)).rejects.toThrow(/agencies_name_fr_key/);
  });
});

describe('a name in the reader’s language', () => {
  let id: string;
  beforeAll(async () => {
    // Arabic and French, no English: an English reader gets the default name.
    const [row] = await database.db
      .insert(agencies)
      .values({ name: 'Brigade nationale de police judiciaire – Rabat', nameAr: 'الفرقة الوطنية للشرطة القضائية – الرباط', nameFr: 'Brigade nationale de police judiciaire – Rabat', type: 'Police' })
      .returning({ id: agencies.id });
    id = row!.id;
  });

  it('comes from a Drizzle select and from raw SQL alike, and falls back to the default name', async () => {
    const expected = { ar: 'الفرقة الوطنية للشرطة القضائية – الرباط', fr: 'Brigade nationale de police judiciaire – Rabat', en: 'Brigade nationale de police judiciaire – Rabat' };
    for (const locale of LOCALES) {
      const [drizzle] = await database.db.select({ name: localizedName(agencies, { locale }) }).from(agencies).where(eq(agencies.id, id));
      const raw = await database.db.execute<{ name: string }>(sql`SELECT ${localizedNameOf('ag', { locale })} AS name FROM agencies ag WHERE ag.id = ${id}`);
      expect([drizzle!.name, raw.rows[0]!.name], locale).toEqual([expected[locale], expected[locale]]);
    }
    const [noLocale] = await database.db.select({ name: localizedName(agencies, {}) }).from(agencies).where(eq(agencies.id, id));
    expect(noLocale!.name).toBe('Brigade nationale de police judiciaire – Rabat');
  });

  it('is searchable in every language at once', async () => {
    const found = await database.db.select({ id: agencies.id }).from(agencies).where(sql`${allNames(agencies)} ILIKE ${'%الفرقة الوطنية%'}`);
    expect(found).toEqual([{ id }]);
  });
});

describe('the names after a change', () => {
  const current = { nameAr: 'مركز', nameFr: null, nameEn: 'Centre' };
  it('keeps what was not sent, clears what was sent as null, and derives the default name (French, else Arabic, else English)', () => {
    expect(namesAfter(current, { nameFr: 'Foyer' })).toEqual({ nameAr: 'مركز', nameFr: 'Foyer', nameEn: 'Centre', name: 'Foyer' });
    expect(namesAfter(current, { nameEn: null })).toEqual({ nameAr: 'مركز', nameFr: null, nameEn: null, name: 'مركز' });
    expect(namesAfter(current, { nameAr: null })).toEqual({ nameAr: null, nameFr: null, nameEn: 'Centre', name: 'Centre' });
  });
  it('is null when no name would be left', () => {
    expect(namesAfter(current, { nameAr: null, nameEn: null })).toBeNull();
  });
});
