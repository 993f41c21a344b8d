import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import { MAX_ATTACHMENT_BYTES } from '@shared/htcds/case.js';
import { recordAudit, type AuditContext } from '../audit/record-audit.js';
import { decryptText, encryptText } from '../crypto/encryption.js';
import { KeyError, type Keyring } from '../crypto/keyring.js';
import type { Tx } from '../db/database.js';
import { caseAttachments, users } from '../db/schema/index.js';
import { AppError, notFound } from '../http/app-error.js';
import type { Actor } from '../policies/authorize.js';
import { loadCaseInScope } from './case-scope.js';

const KEY_ID_BYTES = 8;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const CONTENT_CONTEXT = 'case_attachment.content';
const NAME_CONTEXT = 'case_attachment.file_name';

/**
 * Encrypts file bytes with AES-256-GCM under the current key. Binary layout:
 * keyId (8 ascii) | iv (12) | tag (16) | ciphertext; the attachment id is bound
 * as associated data so content cannot be swapped between rows.
 */
export function sealBytes(keyring: Keyring, plain: Buffer, attachmentId: string): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', keyring.current.key, iv);
  cipher.setAAD(Buffer.from(`${CONTENT_CONTEXT}:${attachmentId}`));
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([Buffer.from(keyring.current.id, 'ascii'), iv, cipher.getAuthTag(), body]);
}

/** Decrypts what sealBytes produced; throws KeyError on an unknown key or altered bytes. */
export function openBytes(keyring: Keyring, sealed: Buffer, attachmentId: string): Buffer {
  const keyId = sealed.subarray(0, KEY_ID_BYTES).toString('ascii');
  const key = keyring.byId.get(keyId);
  if (!key) throw new KeyError(`Attachment was encrypted with key ${keyId}, which is not configured.`);
  const iv = sealed.subarray(KEY_ID_BYTES, KEY_ID_BYTES + IV_BYTES);
  const tag = sealed.subarray(KEY_ID_BYTES + IV_BYTES, KEY_ID_BYTES + IV_BYTES + TAG_BYTES);
  const decipher = createDecipheriv('aes-256-gcm', key.key, iv);
  decipher.setAAD(Buffer.from(`${CONTENT_CONTEXT}:${attachmentId}`));
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(sealed.subarray(KEY_ID_BYTES + IV_BYTES + TAG_BYTES)), decipher.final()]);
  } catch {
    throw new KeyError('An attachment failed its integrity check (wrong key or altered data).');
  }
}

/** The media type recognised from a file's first bytes (its name and declared type are not trusted), or null. */
export function detectMediaType(bytes: Buffer): 'application/pdf' | 'image/png' | 'image/jpeg' | null {
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  return null;
}

/** Stores an encrypted, type-checked attachment (at most 5 MB) on a case in scope. */
export async function addAttachment(
  tx: Tx,
  keyring: Keyring,
  actor: Actor,
  audit: AuditContext,
  caseId: string,
  input: { fileName: string; contentBase64: string },
): Promise<string> {
  await loadCaseInScope(tx, actor, 'case.attach', caseId);
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
    fileNameEnc: encryptText(keyring, input.fileName, NAME_CONTEXT),
    mediaType,
    sizeBytes: bytes.length,
    contentEnc: sealBytes(keyring, bytes, id),
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
    fileName: decryptText(keyring, fileNameEnc, NAME_CONTEXT),
    uploadedAt: uploadedAt.toISOString(),
  }));
}

/** Decrypts one attachment of a case in scope for download; the download is audited. */
export async function readAttachment(tx: Tx, keyring: Keyring, actor: Actor, audit: AuditContext, caseId: string, attachmentId: string) {
  await loadCaseInScope(tx, actor, 'case.readAttachment', caseId);
  const [row] = await tx
    .select()
    .from(caseAttachments)
    .where(and(eq(caseAttachments.id, attachmentId), eq(caseAttachments.caseId, caseId)));
  if (!row) throw notFound('Attachment');
  await recordAudit(tx, audit, {
    action: 'case.attachmentDownloaded',
    resourceType: 'case',
    resourceId: caseId,
    details: { attachmentId },
  });
  return {
    fileName: decryptText(keyring, row.fileNameEnc, NAME_CONTEXT),
    mediaType: row.mediaType,
    content: openBytes(keyring, row.contentEnc, row.id),
  };
}
