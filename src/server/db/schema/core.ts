import { bigint, bigserial, boolean, integer, jsonb, pgTable, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { encryptedText } from '../../crypto/encrypted-columns.js';
import { AGENCY_TYPES } from '@shared/agencies.js';
import { LOCALES } from '@shared/locales.js';
import { ROLES } from '@shared/roles.js';

// Mirrors migrations/0001_core.sql; the SQL files are the source of truth.

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

export const systemSettings = pgTable('system_settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const agencies = pgTable('agencies', {
  id: uuid('id').primaryKey().defaultRandom(),
  // The default name; readers get theirs through db/localized-name.ts (migration 0016).
  name: text('name').notNull(),
  nameAr: text('name_ar'),
  nameFr: text('name_fr'),
  nameEn: text('name_en'),
  type: text('type', { enum: AGENCY_TYPES }).notNull(),
  // Free text (a region's name), unlike the coded regions of cases and reports.
  region: text('region'),
  disabled: boolean('disabled').notNull().default(false),
  ...timestamps,
});

export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  username: text('username').notNull(),
  displayName: text('display_name').notNull(),
  agencyId: uuid('agency_id').notNull(),
  roles: text('roles', { enum: ROLES }).array().notNull(),
  locale: text('locale', { enum: LOCALES }).notNull().default('ar'),
  passwordHash: text('password_hash').notNull(),
  passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }).notNull().defaultNow(),
  disabled: boolean('disabled').notNull().default(false),
  totpSecretEnc: encryptedText('totp_secret_enc'),
  totpPendingSecretEnc: encryptedText('totp_pending_secret_enc'),
  totpLastStep: bigint('totp_last_step', { mode: 'number' }),
  failedLogins: integer('failed_logins').notNull().default(0),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
  lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
  ...timestamps,
});

export const sessions = pgTable('sessions', {
  id: text('id').primaryKey(),
  userId: uuid('user_id').notNull(),
  csrfToken: text('csrf_token').notNull(),
  twoFactorPassed: boolean('two_factor_passed').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  ip: text('ip'),
  userAgent: text('user_agent'),
});

export const auditEvents = pgTable('audit_events', {
  id: bigserial('id', { mode: 'bigint' }).primaryKey(),
  occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
  actorUserId: uuid('actor_user_id'),
  actorUsername: text('actor_username'),
  actorAgencyId: uuid('actor_agency_id'),
  actorRole: text('actor_role'),
  action: text('action').notNull(),
  resourceType: text('resource_type'),
  resourceId: text('resource_id'),
  outcome: text('outcome').notNull(),
  ip: text('ip'),
  userAgent: text('user_agent'),
  changedFields: text('changed_fields').array().notNull(),
  details: jsonb('details').notNull(),
  prevHash: text('prev_hash').notNull(),
  hash: text('hash').notNull(),
  // Keyed chains (0009_audit_integrity.sql): which chain, the row's place in it, and its MAC.
  chain: smallint('chain').notNull(),
  chainSeq: bigint('chain_seq', { mode: 'number' }).notNull(),
  keyId: text('key_id'),
  mac: text('mac'),
});

export const auditCheckpoints = pgTable('audit_checkpoints', {
  id: bigserial('id', { mode: 'bigint' }).primaryKey(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  document: text('document').notNull(),
});
