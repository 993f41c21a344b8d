import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { createReferralBody } from '@shared/api/referrals.js';
import { CLOSED_CASE_STATUSES, type CaseStatus } from '@shared/htcds/case.js';
import { recordAudit, type AuditContext } from '../audit/record-audit.js';
import { sealOptional } from '../crypto/encrypted-columns.js';
import type { Tx } from '../db/database.js';
import { providerServices, referrals, serviceProviders } from '../db/schema/index.js';
import type { AppContext } from '../http/app-context.js';
import { AppError } from '../http/app-error.js';
import type { Actor } from '../policies/authorize.js';
import { notify } from '../notifications/notify.js';
import { loadCaseInScope } from '../cases/case-scope.js';
import { hasConsent } from '../cases/consent.js';
import { buildSnapshot, sealSnapshot } from './referral-snapshot.js';

type ReferralInput = z.output<typeof createReferralBody>;

function invalid(field: string, reason: string, message: string): AppError {
  return new AppError('VALIDATION_FAILED', message, { issues: [{ field, reason }] });
}

/** The next referral reference, e.g. RF-2026-000042 (said on the phone; carries nothing personal). */
async function nextReference(tx: Tx, now: Date): Promise<string> {
  const result = await tx.execute<{ n: string }>(sql`SELECT nextval('referral_reference_seq')::text AS n`);
  return `RF-${now.getUTCFullYear()}-${result.rows[0]!.n.padStart(6, '0')}`;
}

/**
 * Refers a case to a service provider, sharing exactly the chosen fields.
 *
 * Consent is enforced here, in the same transaction as the insert: without an
 * unrevoked 'share_with_organisation' consent naming the receiving agency the
 * referral is refused (422 CONSENT_REQUIRED), so a revocation stops the very
 * next referral. The one exception is the documented emergency override (risk
 * to life): it is allowed, audited as its own event and flagged for the
 * coordinator's review.
 */
export async function referCase(
  tx: Tx,
  ctx: Pick<AppContext, 'keyring'>,
  actor: Actor,
  audit: AuditContext,
  caseId: string,
  input: ReferralInput,
  now = new Date(),
): Promise<{ id: string; reference: string }> {
  // Referring is working the case: the caller must be able to update it.
  const caseRow = await loadCaseInScope(tx, actor, 'case.update', caseId, { forUpdate: true });
  if (caseRow.mergedIntoCaseId) throw new AppError('CONFLICT', 'This case was merged into another one and is read-only', { reason: 'case_merged' });
  if (CLOSED_CASE_STATUSES.includes(caseRow.status as CaseStatus)) throw new AppError('CONFLICT', 'A closed case cannot be referred', { reason: 'case_closed' });

  const [provider] = await tx
    .select({ id: serviceProviders.id, agencyId: serviceProviders.agencyId })
    .from(serviceProviders)
    .innerJoin(providerServices, and(eq(providerServices.providerId, serviceProviders.id), eq(providerServices.serviceType, input.serviceType)))
    .where(and(eq(serviceProviders.id, input.providerId), eq(serviceProviders.active, true)));
  if (!provider) throw invalid('providerId', 'does_not_offer_service', 'This provider does not offer the service (or is inactive)');
  if (input.sharedFields.includes('needs_summary') && !input.needsSummary) throw invalid('needsSummary', 'required', 'Write the needs summary you chose to share');
  if (input.sharedFields.includes('medical_notes') && !input.medicalNotes) throw invalid('medicalNotes', 'required', 'Write the medical notes you chose to share');

  const consented = await hasConsent(tx, caseId, 'share_with_organisation', provider.agencyId);
  if (!consented && !input.override) {
    throw new AppError('CONSENT_REQUIRED', 'The victim has not consented to sharing with this organisation', { reason: 'no_consent', agencyId: provider.agencyId });
  }
  // An override only counts when it was needed: with consent, the referral is ordinary.
  const override = consented ? undefined : input.override;

  const snapshot = await buildSnapshot(tx, ctx.keyring, caseRow, input.sharedFields, { needsSummary: input.needsSummary, medicalNotes: input.medicalNotes });
  const reference = await nextReference(tx, now);
  const [row] = await tx
    .insert(referrals)
    .values({
      reference,
      caseId,
      providerId: provider.id,
      receivingAgencyId: provider.agencyId,
      referringAgencyId: actor.agencyId,
      referredBy: actor.userId,
      serviceType: input.serviceType,
      urgency: input.urgency,
      reason: input.reason,
      reasonDetailsEnc: sealOptional(ctx.keyring, referrals.reasonDetailsEnc, input.reasonDetails),
      sharedFields: input.sharedFields,
      snapshotEnc: sealSnapshot(ctx.keyring, snapshot),
      sentAt: now,
      consentOverride: Boolean(override),
      overrideReason: override?.reason ?? null,
      overrideJustificationEnc: sealOptional(ctx.keyring, referrals.overrideJustificationEnc, override?.justification),
    })
    .returning({ id: referrals.id });
  const id = row!.id;

  await recordAudit(tx, audit, {
    action: 'referral.created',
    resourceType: 'referral',
    resourceId: id,
    changedFields: input.sharedFields,
    details: { caseId, reference, providerId: provider.id, receivingAgencyId: provider.agencyId, serviceType: input.serviceType, urgency: input.urgency, consentOverride: Boolean(override) },
  });
  // The case's own access history shows what left it, and to whom.
  await recordAudit(tx, audit, { action: 'referral.created', resourceType: 'case', resourceId: caseId, changedFields: input.sharedFields, details: { referralId: id, reference } });
  if (override) {
    await recordAudit(tx, audit, {
      action: 'referral.consentOverridden',
      resourceType: 'referral',
      resourceId: id,
      details: { caseId, reason: override.reason, receivingAgencyId: provider.agencyId, flaggedForReview: true },
    });
  }
  await notify(tx, {
    recipients: { agencyId: provider.agencyId, roles: ['service_provider'] },
    kind: 'referral_received',
    resourceType: 'referral',
    resourceId: id,
    params: { reference, urgency: input.urgency, serviceType: input.serviceType },
    exceptUserId: actor.userId,
  });
  return { id, reference };
}
