import { and, count, eq, exists, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { MatchScore, ProviderMatch, RegionMatch, ServiceType, providerMatchQuery } from '@shared/api/providers.js';
import type { PageQuery } from '@shared/api/pagination.js';
import type { Db, Tx } from '../db/database.js';
import { inOrder } from '../db/in-order.js';
import { localizedName } from '../db/localized-name.js';
import { providerServices, serviceProviders, shelterCapacity } from '../db/schema/index.js';
import type { Actor } from '../policies/authorize.js';
import { bedReportingColumn, presentProvider, selectProviders, textArray } from './provider-queries.js';
import { REGION_NEIGHBOURS } from './region-neighbours.js';

/**
 * Points per criterion. The region weighs most (a victim should not travel far),
 * then free beds when a shelter is needed, then who is served and the language.
 */
export const MATCH_POINTS = {
  region: { region: 40, national: 30, neighbour: 20, none: 0 },
  targetGroup: 20,
  language: 15,
  freeBeds: 25,
} as const satisfies { region: Record<RegionMatch, number>; targetGroup: number; language: number; freeBeds: number };

type MatchCriteria = z.output<typeof providerMatchQuery>;

/** The SQL expressions that score one provider row against the criteria. */
function scoreExpressions(criteria: MatchCriteria) {
  const { region, targetGroup, language, service } = criteria;
  const regionMatch = region
    ? sql<RegionMatch>`CASE WHEN ${serviceProviders.regions} @> ${textArray([region])} THEN 'region'
        WHEN ${serviceProviders.servesNationally} THEN 'national'
        WHEN ${serviceProviders.regions} && ${textArray(REGION_NEIGHBOURS[region])} THEN 'neighbour'
        ELSE 'none' END`
    : sql<RegionMatch | null>`NULL::text`;
  const regionPoints = region
    ? sql<number>`(CASE ${regionMatch} WHEN 'region' THEN ${MATCH_POINTS.region.region}::int WHEN 'national' THEN ${MATCH_POINTS.region.national}::int
        WHEN 'neighbour' THEN ${MATCH_POINTS.region.neighbour}::int ELSE 0 END)`
    : sql<number>`0`;
  const targetGroupMatch = targetGroup ? sql<boolean>`(${serviceProviders.targetGroups} @> ${textArray([targetGroup])})` : sql<boolean | null>`NULL::boolean`;
  const targetGroupPoints = targetGroup ? sql<number>`(CASE WHEN ${targetGroupMatch} THEN ${MATCH_POINTS.targetGroup}::int ELSE 0 END)` : sql<number>`0`;
  const languageMatch = language ? sql<boolean>`(${serviceProviders.languages} @> ${textArray([language])})` : sql<boolean | null>`NULL::boolean`;
  const languagePoints = language ? sql<number>`(CASE WHEN ${languageMatch} THEN ${MATCH_POINTS.language}::int ELSE 0 END)` : sql<number>`0`;
  // Beds only matter when the need is a shelter; a full shelter earns nothing here.
  const freeBeds = service === 'shelter' ? sql<number | null>`(${shelterCapacity.bedsTotal} - ${shelterCapacity.bedsOccupied})` : sql<number | null>`NULL::int`;
  const capacityPoints = service === 'shelter' ? sql<number>`(CASE WHEN ${freeBeds} > 0 THEN ${MATCH_POINTS.freeBeds}::int ELSE 0 END)` : sql<number>`0`;
  const total = sql<number>`(${regionPoints} + ${targetGroupPoints} + ${languagePoints} + ${capacityPoints})`;
  return { regionMatch, regionPoints, targetGroupMatch, targetGroupPoints, languageMatch, languagePoints, freeBeds, capacityPoints, total };
}

/** Active providers offering the service: the only hard requirement. */
function offersService(db: Db | Tx, service: ServiceType): SQL {
  return and(
    eq(serviceProviders.active, true),
    exists(
      db
        .select({ one: sql`1` })
        .from(providerServices)
        .where(and(eq(providerServices.providerId, serviceProviders.id), eq(providerServices.serviceType, service))),
    ),
  )!;
}

/**
 * Suggests providers for a need, ranked in SQL by region, target group,
 * language and free beds, with each criterion's points so the UI can explain the order.
 */
export async function matchProviders(db: Db | Tx, actor: Actor, criteria: MatchCriteria, page: PageQuery): Promise<{ items: ProviderMatch[]; total: number }> {
  const s = scoreExpressions(criteria);
  const where = offersService(db, criteria.service);
  const [rows, totals] = await inOrder([
    selectProviders(db, actor, {
      ...bedReportingColumn(actor),
      regionMatch: s.regionMatch,
      regionPoints: s.regionPoints,
      targetGroupMatch: s.targetGroupMatch,
      targetGroupPoints: s.targetGroupPoints,
      languageMatch: s.languageMatch,
      languagePoints: s.languagePoints,
      freeBeds: s.freeBeds,
      capacityPoints: s.capacityPoints,
      total: s.total,
    })
      .where(where)
      .orderBy(sql`${s.total} DESC`, localizedName(serviceProviders, actor), serviceProviders.id)
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize),
    db.select({ n: count() }).from(serviceProviders).where(where),
  ]);
  const items = rows.map((row) => {
    const score: MatchScore = {
      total: Number(row.total),
      region: { match: row.regionMatch, points: Number(row.regionPoints) },
      targetGroup: { match: row.targetGroupMatch, points: Number(row.targetGroupPoints) },
      language: { match: row.languageMatch, points: Number(row.languagePoints) },
      capacity: { freeBeds: row.freeBeds === null ? null : Number(row.freeBeds), points: Number(row.capacityPoints) },
    };
    return { ...presentProvider(row, actor), score };
  });
  return { items, total: totals[0]!.n };
}
