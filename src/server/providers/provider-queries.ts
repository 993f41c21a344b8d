import { and, count, eq, exists, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { SelectedFields } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import { SERVICE_TYPES, type Provider, type providerListQuery, type ServiceTypeCount } from '@shared/api/providers.js';
import type { Db, Tx } from '../db/database.js';
import { agencies, providerServices, serviceProviders, shelterCapacity, users } from '../db/schema/index.js';
import { inOrder } from '../db/in-order.js';
import { allNames, localizedName, type Reader } from '../db/localized-name.js';
import { inScope } from '../policies/access.js';
import { can, type Actor } from '../policies/authorize.js';
import { notFound } from '../http/app-error.js';

/** A parameterised text[] literal for `@>` / `&&` (drizzle would expand a bare JS array into a list). */
export function textArray(values: readonly string[]): SQL {
  return sql`ARRAY[${sql.join(values.map((v) => sql`${v}`), sql`, `)}]::text[]`;
}

/** The services of the provider in the current row, as a sorted array (one correlated aggregate, no N+1). */
const servicesOf = sql<string[]>`coalesce((SELECT array_agg(ps.service_type ORDER BY ps.service_type) FROM provider_services ps WHERE ps.provider_id = ${serviceProviders.id}), '{}')`;

/** Columns every provider read selects, names in the reader's language; use with `selectProviders`. */
export const providerColumns = (reader: Reader) => ({
  provider: serviceProviders,
  name: localizedName(serviceProviders, reader),
  agencyName: localizedName(agencies, reader),
  services: servicesOf,
  bedsTotal: shelterCapacity.bedsTotal,
  bedsOccupied: shelterCapacity.bedsOccupied,
  capacityVersion: shelterCapacity.version,
  capacityUpdatedAt: shelterCapacity.updatedAt,
  capacityUpdatedByName: users.displayName,
});

export interface ProviderRow {
  provider: typeof serviceProviders.$inferSelect;
  name: string;
  agencyName: string;
  services: string[];
  bedsTotal: number | null;
  bedsOccupied: number | null;
  capacityVersion: number | null;
  capacityUpdatedAt: Date | null;
  capacityUpdatedByName: string | null;
}

/** A select of provider rows with their agency, services and capacity joined (plus `extra` columns), named for `reader`. */
export function selectProviders<T extends SelectedFields = Record<never, never>>(db: Db | Tx, reader: Reader, extra?: T) {
  return db
    .select({ ...providerColumns(reader), ...(extra as T) })
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

/** A column saying whether the actor may report the beds of the row's provider, decided in SQL (policies/access/capacity.ts). */
export function bedReportingColumn(actor: Actor) {
  return { mayReportBeds: sql<boolean>`${inScope(actor, 'provider.updateCapacity', 'capacity')}` };
}

/** Turns a provider row (selected with `bedReportingColumn`) into the API shape, with the actions the actor may take on it. */
export function presentProvider(row: ProviderRow & { mayReportBeds: boolean }, actor: Actor): Provider {
  const p = row.provider;
  const allowedActions: string[] = [];
  if (can(actor, 'provider.update')) allowedActions.push('provider.update');
  if (row.services.includes('shelter') && row.mayReportBeds) allowedActions.push('provider.updateCapacity');
  const hasCapacity = row.bedsTotal !== null && row.bedsOccupied !== null;
  return {
    id: p.id,
    agencyId: p.agencyId,
    agencyName: row.agencyName,
    name: row.name,
    nameAr: p.nameAr,
    nameFr: p.nameFr,
    nameEn: p.nameEn,
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
  const [row] = await selectProviders(db, actor, bedReportingColumn(actor)).where(sql`${eq(serviceProviders.id, id)} AND ${visibleTo(actor)}`);
  if (!row) throw notFound('Provider');
  return presentProvider(row, actor);
}

/** Loads one provider row under `condition` (a scope for the action at hand), or 404: outside it, the provider is simply not there. */
export async function loadProviderRow(db: Db | Tx, actor: Actor, id: string, condition: SQL): Promise<ProviderRow> {
  const [row] = await selectProviders(db, actor).where(and(eq(serviceProviders.id, id), condition));
  if (!row) throw notFound('Provider');
  return row;
}

type DirectoryQuery = z.output<typeof providerListQuery> & { page: number; pageSize: number };

/** `%` and `_` typed by a user are literal characters, not wildcards. */
function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The directory filters as one SQL condition (all filtering happens in the database). */
function directoryFilter(db: Db | Tx, actor: Actor, query: DirectoryQuery): SQL {
  const filters: SQL[] = [visibleTo(actor)];
  if (query.service) {
    const offering = db
      .select({ one: sql`1` })
      .from(providerServices)
      .where(and(eq(providerServices.providerId, serviceProviders.id), eq(providerServices.serviceType, query.service)));
    filters.push(exists(offering));
  }
  // A provider with national coverage serves every region.
  if (query.region) filters.push(sql`(${serviceProviders.regions} @> ${textArray([query.region])} OR ${serviceProviders.servesNationally})`);
  if (query.targetGroup) filters.push(sql`${serviceProviders.targetGroups} @> ${textArray([query.targetGroup])}`);
  if (query.language) filters.push(sql`${serviceProviders.languages} @> ${textArray([query.language])}`);
  if (query.agencyId) filters.push(eq(serviceProviders.agencyId, query.agencyId));
  if (query.active) filters.push(eq(serviceProviders.active, query.active === 'true'));
  if (query.q) {
    const pattern = likePattern(query.q);
    filters.push(
      // Names in every language: a French-speaking user finds a provider by its Arabic name too.
      sql`(unaccent(${allNames(serviceProviders)}) ILIKE unaccent(${pattern}) OR unaccent(coalesce(${serviceProviders.city}, '')) ILIKE unaccent(${pattern})
        OR unaccent(${allNames(agencies)}) ILIKE unaccent(${pattern}) OR unaccent(${serviceProviders.description}) ILIKE unaccent(${pattern}))`,
    );
  }
  return and(...filters)!;
}

/** One page of the directory the actor may see, by name, filtered in SQL. */
export async function listProviders(db: Db | Tx, actor: Actor, query: DirectoryQuery): Promise<{ items: Provider[]; total: number }> {
  const where = directoryFilter(db, actor, query);
  const [rows, total] = await inOrder([
    selectProviders(db, actor, bedReportingColumn(actor))
      .where(where)
      .orderBy(localizedName(serviceProviders, actor), serviceProviders.id)
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ n: count() }).from(serviceProviders).innerJoin(agencies, eq(agencies.id, serviceProviders.agencyId)).where(where),
  ]);
  return { items: rows.map((row) => presentProvider(row, actor)), total: total[0]!.n };
}

/** Every service type with how many active providers offer it (one GROUP BY). */
export async function countActiveProvidersByService(db: Db | Tx): Promise<ServiceTypeCount[]> {
  const counts = await db
    .select({ code: providerServices.serviceType, n: count() })
    .from(providerServices)
    .innerJoin(serviceProviders, eq(serviceProviders.id, providerServices.providerId))
    .where(and(eq(serviceProviders.active, true), inArray(providerServices.serviceType, [...SERVICE_TYPES])))
    .groupBy(providerServices.serviceType);
  const byCode = new Map(counts.map((c) => [c.code, c.n]));
  return SERVICE_TYPES.map((code) => ({ code, activeProviders: byCode.get(code) ?? 0 }));
}
