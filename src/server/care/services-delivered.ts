import { asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { referralServiceBody, serviceBody, ServiceDelivered } from '@shared/api/care.js';
import type { ServiceType } from '@shared/api/providers.js';
import { recordAudit, type AuditContext } from '../audit/record-audit.js';
import { openOptional, sealOptional } from '../crypto/encrypted-columns.js';
import type { Keyring } from '../crypto/keyring.js';
import type { Tx } from '../db/database.js';
import { agencies, referrals, serviceProviders, servicesDelivered } from '../db/schema/index.js';
import { AppError } from '../http/app-error.js';
import type { Actor } from '../policies/authorize.js';
import { invalidTransition } from '../referrals/referral-lifecycle.js';
import { loadReferralInScope } from '../referrals/referral-scope.js';

interface NewService {
  caseId: string;
  referralId: string | null;
  providerId: string | null;
  serviceType: ServiceType;
  startDate: string;
  endDate: string | null;
  outcome: ServiceDelivered['outcome'];
  note: string | null;
}

async function insertService(tx: Tx, keyring: Keyring, actor: Actor, audit: AuditContext, s: NewService): Promise<string> {
  const [row] = await tx
    .insert(servicesDelivered)
    .values({ ...s, noteEnc: sealOptional(keyring, servicesDelivered.noteEnc, s.note), recordedBy: actor.userId, recordingAgencyId: actor.agencyId })
    .returning({ id: servicesDelivered.id });
  await recordAudit(tx, audit, {
    action: 'service.recorded',
    resourceType: 'case',
    resourceId: s.caseId,
    changedFields: ['services'],
    details: { serviceId: row!.id, referralId: s.referralId, serviceType: s.serviceType, outcome: s.outcome },
  });
  return row!.id;
}

/**
 * The receiving provider records a service it delivered on a referral it
 * accepted. The first service on an accepted referral starts it (in_progress),
 * as a shelter manager would expect; sent, declined, completed or cancelled
 * referrals take no services (409).
 */
export async function recordServiceOnReferral(tx: Tx, keyring: Keyring, actor: Actor, audit: AuditContext, referralId: string, input: z.output<typeof referralServiceBody>): Promise<string> {
  const { referral } = await loadReferralInScope(tx, actor, 'service.record', referralId, { side: 'incoming', forUpdate: true });
  if (referral.status !== 'accepted' && referral.status !== 'in_progress') throw invalidTransition(referral.status, 'service_recorded');
  if (referral.status === 'accepted') {
    await tx.update(referrals).set({ status: 'in_progress', startedAt: new Date(), updatedAt: new Date(), version: sql`${referrals.version} + 1` }).where(eq(referrals.id, referralId));
    await recordAudit(tx, audit, { action: 'referral.started', resourceType: 'referral', resourceId: referralId, changedFields: ['status'], details: { from: 'accepted', to: 'in_progress', byService: true } });
  }
  return insertService(tx, keyring, actor, audit, {
    caseId: referral.caseId,
    referralId,
    providerId: referral.providerId,
    serviceType: input.serviceType ?? referral.serviceType,
    startDate: input.startDate,
    endDate: input.endDate,
    outcome: input.outcome,
    note: input.note,
  });
}

/**
 * The case worker records a service delivered outside a referral (or on the
 * provider's behalf), on a case the caller loaded as workable (in their update
 * scope, not merged).
 */
export async function recordServiceOnCase(tx: Tx, keyring: Keyring, actor: Actor, audit: AuditContext, caseId: string, input: z.output<typeof serviceBody>): Promise<string> {
  if (input.providerId) {
    const [provider] = await tx.select({ id: serviceProviders.id }).from(serviceProviders).where(eq(serviceProviders.id, input.providerId));
    if (!provider) throw new AppError('VALIDATION_FAILED', 'Unknown provider', { issues: [{ field: 'providerId', reason: 'unknown' }] });
  }
  return insertService(tx, keyring, actor, audit, { caseId, referralId: null, ...input });
}

/** Services matching `where`, oldest first, with the provider and recording agency names. */
export async function listServices(tx: Tx, keyring: Keyring, where: SQL): Promise<ServiceDelivered[]> {
  const rows = await tx
    .select({ s: servicesDelivered, providerName: serviceProviders.name, agencyName: agencies.name })
    .from(servicesDelivered)
    .leftJoin(serviceProviders, eq(serviceProviders.id, servicesDelivered.providerId))
    .innerJoin(agencies, eq(agencies.id, servicesDelivered.recordingAgencyId))
    .where(where)
    .orderBy(asc(servicesDelivered.startDate), asc(servicesDelivered.createdAt));
  return rows.map(({ s, providerName, agencyName }) => ({
    id: s.id,
    referralId: s.referralId,
    serviceType: s.serviceType as ServiceType,
    providerName,
    startDate: s.startDate,
    endDate: s.endDate,
    outcome: s.outcome as ServiceDelivered['outcome'],
    note: openOptional(keyring, servicesDelivered.noteEnc, s.noteEnc),
    recordedByAgencyName: agencyName,
    createdAt: s.createdAt.toISOString(),
  }));
}

/** Conditions for "services of this case" and "services on these referrals". */
export const servicesOfCase = (caseId: string): SQL => eq(servicesDelivered.caseId, caseId);
export const servicesOfReferrals = (referralIds: string[]): SQL => inArray(servicesDelivered.referralId, referralIds);
