import { eq } from 'drizzle-orm';
import type { TargetGroup } from '@shared/api/providers.js';
import { isRegionCode, type RegionCode } from '@shared/geo/regions.js';
import { LANGUAGE_CODES, type LanguageCode } from '@shared/htcds/languages.js';
import { AGE_OF_MAJORITY } from '@shared/htcds/person.js';
import type { Db, Tx } from '../db/database.js';
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
export async function criteriaFromCase(db: Db | Tx, actor: Actor, caseId: string): Promise<CaseCriteria> {
  const found = await db.transaction(async (tx) => {
    const row = await loadCaseInScope(tx, actor, 'case.read', caseId);
    const [person] = await tx.select({ sex: persons.sex, languages: persons.languages }).from(persons).where(eq(persons.id, row.personId));
    return { row, person };
  });
  const language = found.person?.languages.find((l): l is LanguageCode => (LANGUAGE_CODES as readonly string[]).includes(l));
  return {
    ...(found.row.region && isRegionCode(found.row.region) ? { region: found.row.region } : {}),
    ...(language ? { language } : {}),
    ...(found.person ? { targetGroup: targetGroupOf(found.person.sex, found.row.ageWhenTrafficked) } : {}),
  };
}
