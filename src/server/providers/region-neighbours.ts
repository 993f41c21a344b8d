import type { RegionCode } from '@shared/geo/regions.js';

/**
 * Regions that share a land border. When no provider works in a victim's own
 * region, the next best is one a short journey away.
 */
export const REGION_NEIGHBOURS: Record<RegionCode, readonly RegionCode[]> = {
  'MA-01': ['MA-02', 'MA-03', 'MA-04'],
  'MA-02': ['MA-01', 'MA-03', 'MA-08'],
  'MA-03': ['MA-01', 'MA-02', 'MA-04', 'MA-05', 'MA-08'],
  'MA-04': ['MA-01', 'MA-03', 'MA-05', 'MA-06'],
  'MA-05': ['MA-03', 'MA-04', 'MA-06', 'MA-07', 'MA-08'],
  'MA-06': ['MA-04', 'MA-05', 'MA-07'],
  'MA-07': ['MA-05', 'MA-06', 'MA-08', 'MA-09'],
  'MA-08': ['MA-02', 'MA-03', 'MA-05', 'MA-07', 'MA-09'],
  'MA-09': ['MA-07', 'MA-08', 'MA-10'],
  'MA-10': ['MA-09', 'MA-11'],
  'MA-11': ['MA-10', 'MA-12'],
  'MA-12': ['MA-11'],
};
