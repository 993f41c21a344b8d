import { pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { CASE_TRANSFER_REASONS, CASE_TRANSFER_STATUSES } from '@shared/api/caseTransfers.js';
import { encryptedText } from '../../crypto/encrypted-columns.js';

// Mirrors migrations/0012_case_transfers.sql; the SQL file is the source of truth.

/** A request to hand a case over to another agency, and its answer. */
export const caseTransfers = pgTable('case_transfers', {
  id: uuid('id').primaryKey().defaultRandom(),
  caseId: uuid('case_id').notNull(),
  fromAgencyId: uuid('from_agency_id').notNull(),
  toAgencyId: uuid('to_agency_id').notNull(),
  reason: text('reason', { enum: CASE_TRANSFER_REASONS }).notNull(),
  reasonNoteEnc: encryptedText('reason_note_enc'),
  status: text('status', { enum: CASE_TRANSFER_STATUSES }).notNull().default('pending'),
  requestedBy: uuid('requested_by').notNull(),
  requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
  decidedBy: uuid('decided_by'),
  decidedAt: timestamp('decided_at', { withTimezone: true }),
});
