import { boolean, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { PROVIDER_LANGUAGES, SERVICE_TYPES, TARGET_GROUPS } from '@shared/api/providers.js';
import { REGION_CODES } from '@shared/geo/regions.js';

// Mirrors migrations/0004_providers.sql; the SQL files are the source of truth.

export const serviceProviders = pgTable('service_providers', {
  id: uuid('id').primaryKey().defaultRandom(),
  agencyId: uuid('agency_id').notNull(),
  // The default name; readers get theirs through db/localized-name.ts (migration 0016).
  name: text('name').notNull(),
  nameAr: text('name_ar'),
  nameFr: text('name_fr'),
  nameEn: text('name_en'),
  description: text('description').notNull().default(''),
  city: text('city'),
  regions: text('regions', { enum: REGION_CODES }).array().notNull(),
  servesNationally: boolean('serves_nationally').notNull().default(false),
  languages: text('languages', { enum: PROVIDER_LANGUAGES }).array().notNull(),
  targetGroups: text('target_groups', { enum: TARGET_GROUPS }).array().notNull(),
  openingHours: text('opening_hours').notNull().default(''),
  contactPhone: text('contact_phone'),
  contactEmail: text('contact_email'),
  active: boolean('active').notNull().default(true),
  version: integer('version').notNull().default(1),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const providerServices = pgTable(
  'provider_services',
  {
    providerId: uuid('provider_id').notNull(),
    serviceType: text('service_type', { enum: SERVICE_TYPES }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.providerId, t.serviceType] })],
);

export const shelterCapacity = pgTable('shelter_capacity', {
  providerId: uuid('provider_id').primaryKey(),
  bedsTotal: integer('beds_total').notNull(),
  bedsOccupied: integer('beds_occupied').notNull(),
  version: integer('version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: uuid('updated_by'),
});
