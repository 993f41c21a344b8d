import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { providerMatchQuery, TargetGroup } from '@shared/api/providers.js';
import { definedFields } from '@shared/defined-fields.js';
import { isRegionCode, type RegionCode } from '@shared/geo/regions.js';
import { LANGUAGE_CODES, type LanguageCode } from '@shared/htcds/languages.js';
import { AGE_OF_MAJORITY } from '@shared/htcds/person.js';
import type { Tx } from '../db/database.js';
import { persons } from '../db/schema/index.js';
import { loadCaseInScope } from '../cases/case-scope.js';
import type { Actor } from '../policies/authorize.js';

export interface CaseCriteria {
  region?: RegionCode;
  targetGroup?: TargetGroup;
  language?: LanguageCode;
}

/** The target group a person belongs to, when sex is recorded; a minor when trafficked counts as a child. */
function targetGroupOf(sex: string, ageWhenTrafficked: number | null): TargetGroup | undefined {
  const child = ageWhenTrafficked !== null && ageWhenTrafficked < AGE_OF_MAJORITY;
  if (sex === 'Feminine') return child ? 'girls' : 'women';
  if (sex === 'Masculine') return child ? 'boys' : 'men';
  return undefined;
}

/**
 * Matching criteria read from a case the actor may read (404 otherwise): its
 * region, the person's first language and target group. Only non-identifying
 * columns are read; nothing is decrypted.
 */
export async function criteriaFromCase(tx: Tx, actor: Actor, caseId: string): Promise<CaseCriteria> {
  const row = await loadCaseInScope(tx, actor, 'case.read', caseId);
  const [person] = await tx.select({ sex: persons.sex, languages: persons.languages }).from(persons).where(eq(persons.id, row.personId));
  const language = person?.languages.find((l): l is LanguageCode => (LANGUAGE_CODES as readonly string[]).includes(l));
  return {
    ...(row.region && isRegionCode(row.region) ? { region: row.region } : {}),
    ...(language ? { language } : {}),
    ...(person ? { targetGroup: targetGroupOf(person.sex, row.ageWhenTrafficked) } : {}),
  };
}

/** What a match looks for: the criteria asked for, and for those left open, the case's (when a case is named). */
export async function criteriaForNeed(tx: Tx, actor: Actor, need: z.output<typeof providerMatchQuery>): Promise<z.output<typeof providerMatchQuery>> {
  const { caseId, ...asked } = need;
  const fromCase = caseId ? await criteriaFromCase(tx, actor, caseId) : {};
  return { ...fromCase, ...definedFields(asked), service: asked.service };
}
