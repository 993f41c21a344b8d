import { and, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import type { CoverageResponse, ProactiveCoverage } from '@shared/api/screening.js';
import type { Db, Tx } from '../db/database.js';
import { localizedName } from '../db/localized-name.js';
import { agencies, screenings } from '../db/schema/index.js';
import { inScope } from '../policies/access.js';
import type { Actor } from '../policies/authorize.js';
import { effectiveOutcome } from './screening-queries.js';

type Handle = Db | Tx;
type DateRange = { from?: string; to?: string };

/** The screenings a coverage figure counts: the actor's coverage scope, within the dates (inclusive). */
function coverageWhere(actor: Actor, range: DateRange, extra: SQL[] = []): SQL | undefined {
  const filters: SQL[] = [inScope(actor, 'screening.coverage', 'screening'), ...extra];
  if (range.from) filters.push(gte(screenings.screenedOn, range.from));
  if (range.to) filters.push(lte(screenings.screenedOn, range.to));
  return and(...filters);
}

/**
 * Screening coverage: how many people were screened, by context, vulnerable
 * group and outcome, in one GROUP BY. Counts only, never a record: a first
 * responder sees their agency's, a coordinator or analyst the nation's.
 */
export async function screeningCoverage(db: Handle, actor: Actor, range: DateRange): Promise<CoverageResponse> {
  const rows = await db
    .select({ context: screenings.context, vulnerableGroup: screenings.vulnerableGroup, outcome: effectiveOutcome, count: sql<number>`count(*)::int` })
    .from(screenings)
    .where(coverageWhere(actor, range))
    .groupBy(screenings.context, screenings.vulnerableGroup, effectiveOutcome)
    .orderBy(screenings.context, screenings.vulnerableGroup, effectiveOutcome);
  const items = rows.map((r) => ({
    context: r.context as CoverageResponse['rows'][number]['context'],
    vulnerableGroup: r.vulnerableGroup as CoverageResponse['rows'][number]['vulnerableGroup'],
    outcome: r.outcome,
    count: Number(r.count),
  }));
  return { from: range.from ?? null, to: range.to ?? null, total: items.reduce((sum, r) => sum + r.count, 0), rows: items };
}

type Dimension = 'total' | 'region' | 'agencyType' | 'agency' | 'outcome';

/**
 * Proactive screening coverage (outreach among vulnerable groups) for the
 * coordinator: counts by region, by agency type, by agency and by outcome, in
 * ONE grouped statement (GROUPING SETS), so no screening row ever reaches
 * JavaScript and every breakdown comes from the same snapshot (they add up to
 * the same total). Same coverage scope as the figures above.
 */
export async function proactiveCoverage(db: Handle, actor: Actor, range: DateRange): Promise<ProactiveCoverage> {
  const agencyName = localizedName(agencies, actor);
  // GROUPING() tells which set a row belongs to: a bit is 1 when that column is aggregated away.
  const dimension = sql<Dimension>`CASE grouping(${screenings.region}, ${agencies.type}, ${agencies.id}, ${effectiveOutcome})
      WHEN 15 THEN 'total' WHEN 7 THEN 'region' WHEN 11 THEN 'agencyType' WHEN 9 THEN 'agency' ELSE 'outcome' END`;
  const result = await db.execute<{ dimension: Dimension; region: string | null; agency_type: string | null; agency_id: string | null; agency_name: string | null; outcome: string | null; count: number }>(sql`
    SELECT ${dimension} AS dimension, ${screenings.region} AS region, ${agencies.type} AS agency_type, ${agencies.id} AS agency_id,
           min(${agencyName}) AS agency_name, ${effectiveOutcome} AS outcome, count(*)::int AS count
    FROM ${screenings} JOIN ${agencies} ON ${eq(agencies.id, screenings.ownerAgencyId)}
    WHERE ${coverageWhere(actor, range, [eq(screenings.context, 'proactive')])}
    GROUP BY GROUPING SETS ((), (${screenings.region}), (${agencies.type}), (${agencies.type}, ${agencies.id}), (${effectiveOutcome}))
    ORDER BY count DESC, region, agency_type, agency_name, outcome`);
  const answer: ProactiveCoverage = { from: range.from ?? null, to: range.to ?? null, total: 0, byRegion: [], byAgencyType: [], byAgency: [], byOutcome: [] };
  for (const row of result.rows) {
    const count = Number(row.count);
    if (row.dimension === 'total') answer.total = count;
    else if (row.dimension === 'region') answer.byRegion.push({ region: row.region as ProactiveCoverage['byRegion'][number]['region'], count });
    else if (row.dimension === 'agencyType') answer.byAgencyType.push({ agencyType: row.agency_type as ProactiveCoverage['byAgencyType'][number]['agencyType'], count });
    else if (row.dimension === 'agency') {
      answer.byAgency.push({ agencyId: row.agency_id!, agencyName: row.agency_name!, agencyType: row.agency_type as ProactiveCoverage['byAgency'][number]['agencyType'], count });
    } else answer.byOutcome.push({ outcome: row.outcome as ProactiveCoverage['byOutcome'][number]['outcome'], count });
  }
  return answer;
}
