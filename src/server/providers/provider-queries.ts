import { eq, or, sql, type SQL } from 'drizzle-orm';
import type { SelectedFields } from 'drizzle-orm/pg-core';
import type { Provider } from '@shared/api/providers.js';
import type { Db, Tx } from '../db/database.js';
import { agencies, serviceProviders, shelterCapacity, users } from '../db/schema/index.js';
import { can, scopeFor, type Actor } from '../policies/authorize.js';
import { notFound } from '../http/app-error.js';

/** A parameterised text[] literal for `@>` / `&&` (drizzle would expand a bare JS array into a list). */
export function textArray(values: readonly string[]): SQL {
  return sql`ARRAY[${sql.join(values.map((v) => sql`${v}`), sql`, `)}]::text[]`;
}

/** The services of the provider in the current row, as a sorted array (one correlated aggregate, no N+1). */
const servicesOf = sql<string[]>`coalesce((SELECT array_agg(ps.service_type ORDER BY ps.service_type) FROM provider_services ps WHERE ps.provider_id = ${serviceProviders.id}), '{}')`;

/** Columns every provider read selects; use with `fromProviders`. */
export const providerColumns = {
  provider: serviceProviders,
  agencyName: agencies.name,
  services: servicesOf,
  bedsTotal: shelterCapacity.bedsTotal,
  bedsOccupied: shelterCapacity.bedsOccupied,
  capacityVersion: shelterCapacity.version,
  capacityUpdatedAt: shelterCapacity.updatedAt,
  capacityUpdatedByName: users.displayName,
};

export interface ProviderRow {
  provider: typeof serviceProviders.$inferSelect;
  agencyName: string;
  services: string[];
  bedsTotal: number | null;
  bedsOccupied: number | null;
  capacityVersion: number | null;
  capacityUpdatedAt: Date | null;
  capacityUpdatedByName: string | null;
}

/** A select of provider rows with their agency, services and capacity joined (plus `extra` columns). */
export function selectProviders<T extends SelectedFields = Record<never, never>>(db: Db | Tx, extra?: T) {
  return db
    .select({ ...providerColumns, ...(extra as T) })
    .from(serviceProviders)
    .innerJoin(agencies, eq(agencies.id, serviceProviders.agencyId))
    .leftJoin(shelterCapacity, eq(shelterCapacity.providerId, serviceProviders.id))
    .leftJoin(users, eq(users.id, shelterCapacity.updatedBy));
}

/**
 * Which entries the actor may see: every active one; inactive ones only for
 * those who keep the directory and for the provider's own agency.
 */
export function visibleTo(actor: Actor): SQL {
  if (can(actor, 'provider.update')) return sql`true`;
  return or(eq(serviceProviders.active, true), eq(serviceProviders.agencyId, actor.agencyId))!;
}

/** True when the actor may report beds for a provider of `agencyId` offering `services`. */
function mayUpdateCapacity(actor: Actor, agencyId: string, services: readonly string[]): boolean {
  if (!services.includes('shelter')) return false;
  const scope = scopeFor(actor, 'provider.updateCapacity');
  return scope === 'national' || (scope === 'agency' && agencyId === actor.agencyId);
}

/** Turns a provider row into the API shape, with the actions the actor may take on it. */
export function presentProvider(row: ProviderRow, actor: Actor): Provider {
  const p = row.provider;
  const allowedActions: string[] = [];
  if (can(actor, 'provider.update')) allowedActions.push('provider.update');
  if (mayUpdateCapacity(actor, p.agencyId, row.services)) allowedActions.push('provider.updateCapacity');
  const hasCapacity = row.bedsTotal !== null && row.bedsOccupied !== null;
  return {
    id: p.id,
    agencyId: p.agencyId,
    agencyName: row.agencyName,
    name: p.name,
    description: p.description,
    city: p.city,
    regions: p.regions,
    servesNationally: p.servesNationally,
    languages: p.languages,
    targetGroups: p.targetGroups,
    services: row.services,
    openingHours: p.openingHours,
    contactPhone: p.contactPhone,
    contactEmail: p.contactEmail,
    active: p.active,
    capacity: hasCapacity
      ? {
          bedsTotal: row.bedsTotal!,
          bedsOccupied: row.bedsOccupied!,
          freeBeds: row.bedsTotal! - row.bedsOccupied!,
          version: row.capacityVersion!,
          updatedAt: row.capacityUpdatedAt!.toISOString(),
          updatedByName: row.capacityUpdatedByName,
        }
      : null,
    version: p.version,
    updatedAt: p.updatedAt.toISOString(),
    allowedActions,
  };
}

/** Loads one provider the actor may see, or 404. */
export async function loadProvider(db: Db | Tx, actor: Actor, id: string): Promise<Provider> {
  const [row] = await selectProviders(db).where(sql`${eq(serviceProviders.id, id)} AND ${visibleTo(actor)}`);
  if (!row) throw notFound('Provider');
  return presentProvider(row, actor);
}
