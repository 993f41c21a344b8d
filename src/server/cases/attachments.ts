import { and, desc, eq } from 'drizzle-orm';
import { MAX_ATTACHMENT_BYTES } from '@shared/htcds/case.js';
import { recordAudit, type AuditContext } from '../audit/record-audit.js';
import { open, openBytes, seal, sealBytes } from '../crypto/encrypted-columns.js';
import type { Keyring } from '../crypto/keyring.js';
import type { Tx } from '../db/database.js';
import { caseAttachments, users } from '../db/schema/index.js';
import { AppError, notFound } from '../http/app-error.js';
import type { Actor } from '../policies/authorize.js';
import type { CaseRow } from './case-scope.js';

/** The media type recognised from a file's first bytes (its name and declared type are not trusted), or null. */
export function detectMediaType(bytes: Buffer): 'application/pdf' | 'image/png' | 'image/jpeg' | null {
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  return null;
}

/** Stores an encrypted, type-checked attachment (at most 5 MB) on a case the caller loaded for `case.attach`. */
export async function addAttachment(
  tx: Tx,
  keyring: Keyring,
  actor: Actor,
  audit: AuditContext,
  { id: caseId }: CaseRow,
  input: { fileName: string; contentBase64: string },
): Promise<string> {
  if (!/^[A-Za-z0-9+/=\s]+$/.test(input.contentBase64)) {
    throw new AppError('VALIDATION_FAILED', 'The file is not valid base64', { issues: [{ field: 'contentBase64', reason: 'invalid_base64' }] });
  }
  const bytes = Buffer.from(input.contentBase64, 'base64');
  if (bytes.length === 0) throw new AppError('VALIDATION_FAILED', 'The file is empty', { issues: [{ field: 'contentBase64', reason: 'empty' }] });
  if (bytes.length > MAX_ATTACHMENT_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', 'Attachments are limited to 5 MB', { maxBytes: MAX_ATTACHMENT_BYTES });
  const mediaType = detectMediaType(bytes);
  if (!mediaType) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Only PDF, PNG and JPEG files are accepted', { accepted: ['application/pdf', 'image/png', 'image/jpeg'] });
  const id = crypto.randomUUID();
  await tx.insert(caseAttachments).values({
    id,
    caseId,
    fileNameEnc: seal(keyring, caseAttachments.fileNameEnc, input.fileName),
    mediaType,
    sizeBytes: bytes.length,
    contentEnc: sealBytes(keyring, caseAttachments.contentEnc, bytes, id),
    uploadedBy: actor.userId,
  });
  await recordAudit(tx, audit, {
    action: 'case.attachmentAdded',
    resourceType: 'case',
    resourceId: caseId,
    changedFields: ['attachments'],
    details: { attachmentId: id, mediaType, sizeBytes: bytes.length },
  });
  return id;
}

/** The attachments of a case (metadata only; names decrypted). */
export async function listAttachments(tx: Tx, keyring: Keyring, caseId: string) {
  const rows = await tx
    .select({
      id: caseAttachments.id,
      fileNameEnc: caseAttachments.fileNameEnc,
      mediaType: caseAttachments.mediaType,
      sizeBytes: caseAttachments.sizeBytes,
      uploadedByName: users.displayName,
      uploadedAt: caseAttachments.uploadedAt,
    })
    .from(caseAttachments)
    .innerJoin(users, eq(users.id, caseAttachments.uploadedBy))
    .where(eq(caseAttachments.caseId, caseId))
    .orderBy(desc(caseAttachments.uploadedAt));
  return rows.map(({ fileNameEnc, uploadedAt, ...rest }) => ({
    ...rest,
    fileName: open(keyring, caseAttachments.fileNameEnc, fileNameEnc),
    uploadedAt: uploadedAt.toISOString(),
  }));
}

/**
 * Decrypts one attachment of a case the caller loaded for `case.readAttachment`,
 * for download. The route declares the download as an audited read.
 */
export async function readAttachment(tx: Tx, keyring: Keyring, { id: caseId }: CaseRow, attachmentId: string) {
  const [row] = await tx
    .select()
    .from(caseAttachments)
    .where(and(eq(caseAttachments.id, attachmentId), eq(caseAttachments.caseId, caseId)));
  if (!row) throw notFound('Attachment');
  return {
    fileName: open(keyring, caseAttachments.fileNameEnc, row.fileNameEnc),
    mediaType: row.mediaType,
    content: openBytes(keyring, caseAttachments.contentEnc, row.contentEnc, row.id),
  };
}
