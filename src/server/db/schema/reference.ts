import { pgTable, text } from 'drizzle-orm/pg-core';
import { COUNTRY_CODES } from '@shared/htcds/countries.js';

// Mirrors migrations/0011_coded_columns_statistics.sql; the SQL file is the source of truth.

/** The country codes stored columns may hold (ISO 3166-1 alpha-2), seeded from COUNTRY_CODES. */
export const countries = pgTable('countries', {
  code: text('code', { enum: COUNTRY_CODES }).primaryKey(),
});
