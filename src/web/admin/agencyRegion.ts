import { REGIONS } from '../../shared/geo/regions';
import type { Locale } from '../../shared/locales';

// An agency's region is free text: a region code or a region's name in any of the three languages.
const REGION_BY_SPELLING = new Map(REGIONS.flatMap((region) => [region.code, ...Object.values(region.name)].map((spelling) => [spelling.toLowerCase(), region] as const)));

/** An agency's region in the reader's language when it names one of the 12 regions, else as typed. */
export function agencyRegionLabel(region: string | null, locale: Locale): string {
  if (!region) return '—';
  return REGION_BY_SPELLING.get(region.trim().toLowerCase())?.name[locale] ?? region;
}
