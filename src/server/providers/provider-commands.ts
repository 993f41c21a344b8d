import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { capacityBody, providerBody, providerPatch, ServiceType } from '@shared/api/providers.js';
import type { Tx } from '../db/database.js';
import { namesAfter, type LocaleNames } from '../db/localized-name.js';
import { agencies, providerServices, serviceProviders } from '../db/schema/index.js';
import { recordAudit, type AuditContext } from '../audit/record-audit.js';
import { AppError, conflict, notFound } from '../http/app-error.js';
import { definedFields } from '@shared/defined-fields.js';
import type { ProviderRow } from './provider-queries.js';

type ProviderBody = z.output<typeof providerBody>;
type ProviderPatch = z.output<typeof providerPatch>;

async function assertAgencyExists(tx: Tx, agencyId: string): Promise<void> {
  const [found] = await tx.select({ id: agencies.id }).from(agencies).where(eq(agencies.id, agencyId));
  if (!found) throw new AppError('VALIDATION_FAILED', 'Unknown agency', { issues: [{ field: 'agencyId', reason: 'unknown' }] });
}

async function replaceServices(tx: Tx, providerId: string, services: readonly ServiceType[]): Promise<void> {
  await tx.delete(providerServices).where(eq(providerServices.providerId, providerId));
  await tx.insert(providerServices).values(services.map((serviceType) => ({ providerId, serviceType })));
}

/** No name in any language would be left: refused on the Arabic field, as the form shows it. */
function nameRequired(): AppError {
  return new AppError('VALIDATION_FAILED', 'Name the service point in at least one language', { issues: [{ field: 'nameAr', reason: 'required' }] });
}

/** Adds a service point to the directory (administrators). Returns its id. */
export async function createProvider(tx: Tx, audit: AuditContext, input: ProviderBody): Promise<string> {
  await assertAgencyExists(tx, input.agencyId);
  const { services, nameAr, nameFr, nameEn, ...fields } = input;
  const names = namesAfter({ nameAr: null, nameFr: null, nameEn: null }, { nameAr, nameFr, nameEn });
  if (!names) throw nameRequired();
  const [row] = await tx
    .insert(serviceProviders)
    .values({ ...fields, ...names, city: fields.city ?? null, contactPhone: fields.contactPhone ?? null, contactEmail: fields.contactEmail ?? null, createdBy: audit.actorUserId })
    .returning({ id: serviceProviders.id });
  await replaceServices(tx, row!.id, services);
  await recordAudit(tx, audit, {
    action: 'provider.created',
    resourceType: 'provider',
    resourceId: row!.id,
    changedFields: Object.keys(input),
    details: { services },
  });
  return row!.id;
}

/**
 * The name columns to write when some name was sent (the default name with them), else none.
 * An unknown provider writes none here: the versioned update after it answers 404.
 */
async function renamed(tx: Tx, id: string, sent: Partial<LocaleNames>): Promise<Partial<LocaleNames & { name: string }>> {
  if (Object.values(sent).every((name) => name === undefined)) return {};
  const [current] = await tx
    .select({ nameAr: serviceProviders.nameAr, nameFr: serviceProviders.nameFr, nameEn: serviceProviders.nameEn })
    .from(serviceProviders)
    .where(eq(serviceProviders.id, id))
    .for('update');
  if (!current) return {};
  const names = namesAfter(current, sent);
  if (!names) throw nameRequired();
  return names;
}

/** Edits a directory entry against the version the editor loaded (stale → 409). */
export async function updateProvider(tx: Tx, audit: AuditContext, id: string, input: ProviderPatch): Promise<void> {
  const { version, services, ...rest } = input;
  const { nameAr, nameFr, nameEn, ...changes } = definedFields(rest);
  if (input.agencyId) await assertAgencyExists(tx, input.agencyId);
  const names = await renamed(tx, id, { nameAr, nameFr, nameEn });
  const [updated] = await tx
    .update(serviceProviders)
    .set({ ...changes, ...names, version: sql`${serviceProviders.version} + 1`, updatedAt: new Date() })
    .where(and(eq(serviceProviders.id, id), eq(serviceProviders.version, version)))
    .returning({ id: serviceProviders.id });
  if (!updated) {
    const [exists] = await tx.select({ id: serviceProviders.id }).from(serviceProviders).where(eq(serviceProviders.id, id));
    throw exists ? conflict() : notFound('Provider');
  }
  if (services) await replaceServices(tx, id, services);
  const changedFields = [...Object.keys(definedFields(rest)), ...(services ? ['services'] : [])];
  await recordAudit(tx, audit, { action: 'provider.updated', resourceType: 'provider', resourceId: id, changedFields });
}

/**
 * Records a shelter's beds. The caller has already loaded the provider within
 * its capacity scope; only a provider offering shelter reports beds, and
 * `version` 0 means "no count reported yet".
 */
export async function updateShelterCapacity(tx: Tx, audit: AuditContext, shelter: ProviderRow, input: z.output<typeof capacityBody>): Promise<void> {
  if (!shelter.services.includes('shelter')) {
    throw new AppError('VALIDATION_FAILED', 'Only a shelter reports beds', { issues: [{ field: 'services', reason: 'not_a_shelter' }] });
  }
  const providerId = shelter.provider.id;
  const values = { bedsTotal: input.bedsTotal, bedsOccupied: input.bedsOccupied, updatedAt: new Date(), updatedBy: audit.actorUserId };
  const written =
    input.version === 0
      ? await tx.execute(sql`INSERT INTO shelter_capacity (provider_id, beds_total, beds_occupied, version, updated_at, updated_by)
          VALUES (${providerId}, ${values.bedsTotal}, ${values.bedsOccupied}, 1, ${values.updatedAt}, ${values.updatedBy})
          ON CONFLICT (provider_id) DO NOTHING RETURNING provider_id`)
      : await tx.execute(sql`UPDATE shelter_capacity SET beds_total = ${values.bedsTotal}, beds_occupied = ${values.bedsOccupied},
          version = version + 1, updated_at = ${values.updatedAt}, updated_by = ${values.updatedBy}
          WHERE provider_id = ${providerId} AND version = ${input.version} RETURNING provider_id`);
  if (written.rows.length === 0) throw conflict('The bed count was changed by someone else; reload it and try again');
  await recordAudit(tx, audit, {
    action: 'provider.capacityUpdated',
    resourceType: 'provider',
    resourceId: providerId,
    changedFields: ['bedsTotal', 'bedsOccupied'],
    // Bed counts are facts about an organisation, not about a person.
    details: { bedsTotal: input.bedsTotal, bedsOccupied: input.bedsOccupied },
  });
}
