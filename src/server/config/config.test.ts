import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('configuration', () => {
  it('has working defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 3000, host: '127.0.0.1', demo: false, databaseUrl: undefined, defaultLocale: 'ar' });
    expect(config.dataDir.endsWith('/data')).toBe(true);
  });

  it('names every bad variable in one message', () => {
    expect(() => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', SANAD_DEFAULT_LOCALE: 'de' })).toThrow(ConfigError);
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x' });
    } catch (error) {
      expect((error as Error).message).toMatch(/PORT/);
      expect((error as Error).message).toMatch(/DATABASE_URL: must start with postgres/);
    }
  });

  it('reads demo mode and a server database', () => {
    const config = loadConfig({ SANAD_DEMO: '1', DATABASE_URL: 'postgres://u:p@localhost:5432/sanad', PORT: '8080' });
    expect(config).toMatchObject({ demo: true, port: 8080, databaseUrl: 'postgres://u:p@localhost:5432/sanad' });
  });

  it('withholds Western Sahara from the pickers by default, and lets a deployment choose its own list', () => {
    expect(loadConfig({}).countriesWithheld).toEqual(['EH']);
    expect(loadConfig({ SANAD_COUNTRIES_WITHHELD: 'none' }).countriesWithheld).toEqual([]);
    expect(loadConfig({ SANAD_COUNTRIES_WITHHELD: 'eh, fk' }).countriesWithheld).toEqual(['EH', 'FK']);
    expect(() => loadConfig({ SANAD_COUNTRIES_WITHHELD: 'EH,ZZ' })).toThrow(/SANAD_COUNTRIES_WITHHELD/);
  });
});
