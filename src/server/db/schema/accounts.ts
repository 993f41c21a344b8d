import { pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { ROLE_GRANT_CAUSES } from '@shared/api/admin.js';
import { ROLES } from '@shared/roles.js';
import { ROLE_GRANT_STATUSES } from './codes.js';

// Mirrors migrations/0010_role_grants_activation.sql; the SQL file is the source of truth.

const ts = (name: string) => timestamp(name, { withTimezone: true });

export const roleGrants = pgTable('role_grants', {
  id: uuid('id').primaryKey().defaultRandom(),
  userId: uuid('user_id').notNull(),
  roles: text('roles', { enum: ROLES }).array().notNull(),
  agencyId: uuid('agency_id').notNull(),
  cause: text('cause', { enum: ROLE_GRANT_CAUSES }).notNull(),
  status: text('status', { enum: ROLE_GRANT_STATUSES }).notNull().default('pending'),
  requestedBy: uuid('requested_by').notNull(),
  requestedAt: ts('requested_at').notNull().defaultNow(),
  decidedBy: uuid('decided_by'),
  decidedAt: ts('decided_at'),
});

export const userActivations = pgTable('user_activations', {
  id: uuid('id').primaryKey().defaultRandom(),
  userId: uuid('user_id').notNull(),
  codeHash: text('code_hash').notNull(),
  issuedBy: uuid('issued_by'),
  issuedAt: ts('issued_at').notNull().defaultNow(),
  expiresAt: ts('expires_at').notNull(),
  usedAt: ts('used_at'),
  revokedAt: ts('revoked_at'),
});
