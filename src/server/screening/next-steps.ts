import { and, eq, sql } from 'drizzle-orm';
import { NEXT_STEP_NEEDS, NEXT_STEP_SERVICE, type NextStepNeed, type NextSteps, type NextStepProvider } from '@shared/api/screening.js';
import type { RegionCode } from '@shared/geo/regions.js';
import type { Tx } from '../db/database.js';
import { localizedNameOf } from '../db/localized-name.js';
import { cases } from '../db/schema/index.js';
import { inScope } from '../policies/access.js';
import type { Actor } from '../policies/authorize.js';
import type { ScreeningRow } from './screening-scope.js';

/** How many services are suggested per need: enough to choose from, few enough to read on a phone. */
const PER_NEED = 3;

type ProviderRow = {
  need: NextStepNeed; id: string; name: string; agency_name: string; agency_type: NextStepProvider['agencyType']; city: string | null; opening_hours: string;
  contact_phone: string | null; contact_email: string | null; languages: string[]; in_region: boolean; serves_nationally: boolean;
};

/**
 * Next steps after a screening confirmed as a smuggled migrant (not trafficking,
 * but often a vulnerable person worth referring): directory services for assisted
 * voluntary return (IOM), health care, and asylum information or legal aid.
 * Ranked in SQL: services in the screening's region first, then those serving the
 * whole country, then the person's language; the first few per need, in one
 * statement. The directory is read-only here (src/server/providers owns it).
 */
export async function nextStepsFor(tx: Tx, actor: Actor, row: ScreeningRow): Promise<NextSteps> {
  const region = (row.region as RegionCode | null) ?? null;
  const applies = row.outcome === 'smuggled_migrant';
  // The case behind the screening, only if the reader may open it (then a referral can be started there).
  const [linkedCase] = row.caseId ? await tx.select({ id: cases.id }).from(cases).where(and(eq(cases.id, row.caseId), inScope(actor, 'case.read', 'case'))) : [];
  const caseId = linkedCase?.id ?? null;
  if (!applies) return { applies, region, caseId, steps: [] };

  const needs = sql.join(NEXT_STEP_NEEDS.map((need) => sql`(${need}::text, ${NEXT_STEP_SERVICE[need]}::text)`), sql`, `);
  const result = await tx.execute<ProviderRow>(sql`
    WITH needs(need, service) AS (VALUES ${needs}),
    ranked AS (
      SELECT n.need, p.id, ${localizedNameOf('p', actor)} AS name, ${localizedNameOf('ag', actor)} AS agency_name, ag.type AS agency_type,
             p.city, p.opening_hours, p.contact_phone, p.contact_email, p.languages::text[] AS languages,
             coalesce(p.regions @> ARRAY[${region}]::text[], false) AS in_region, p.serves_nationally,
             row_number() OVER (
               PARTITION BY n.need
               ORDER BY coalesce(p.regions @> ARRAY[${region}]::text[], false) DESC, p.serves_nationally DESC,
                        coalesce(p.languages @> ARRAY[${row.language}]::text[], false) DESC, p.name, p.id
             ) AS rank
      FROM needs n
      JOIN provider_services ps ON ps.service_type = n.service
      JOIN service_providers p ON p.id = ps.provider_id AND p.active
      JOIN agencies ag ON ag.id = p.agency_id AND NOT ag.disabled
    )
    SELECT * FROM ranked WHERE rank <= ${PER_NEED} ORDER BY need, rank`);
  const steps = NEXT_STEP_NEEDS.map((need) => ({
    need,
    service: NEXT_STEP_SERVICE[need],
    providers: result.rows
      .filter((r) => r.need === need)
      .map((r) => ({
        id: r.id,
        name: r.name,
        agencyName: r.agency_name,
        agencyType: r.agency_type,
        city: r.city,
        openingHours: r.opening_hours,
        contactPhone: r.contact_phone,
        contactEmail: r.contact_email,
        languages: r.languages,
        inRegion: r.in_region,
        servesNationally: r.serves_nationally,
      })),
  }));
  return { applies, region, caseId, steps };
}
