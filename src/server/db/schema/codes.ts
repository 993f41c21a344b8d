import { REGIONS } from '@shared/geo/regions.js';

/**
 * Closed lists the Drizzle schema needs that src/shared does not export as they are. The
 * migrations hold the same lists as CHECKs; schema-drift.test.ts keeps the two equal.
 */

/** Province and prefecture codes (ISO 3166-2:MA), from the regions they belong to. */
export const PROVINCE_CODES = REGIONS.flatMap((region) => region.provinces.map((province) => province.code)) as [string, ...string[]];

/** Kinds of blind-index key kept for a person (see src/server/cases/person-identity.ts). */
export const PERSON_INDEX_KEY_KINDS = ['name', 'document', 'phone', 'skeleton_year', 'name_part', 'name_part_skeleton'] as const;

/** States of a request for roles that waits for a second administrator. */
export const ROLE_GRANT_STATUSES = ['pending', 'approved', 'rejected', 'withdrawn'] as const;
