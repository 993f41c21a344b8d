/**
 * Age bands of the CTDC Global Synthetic Dataset (codebook 2024, variable
 * `ageBroad`): the age when the person was assisted, identified, referred or
 * reported. Figures published in these bands line up with CTDC's without
 * recoding; the exact age never leaves the encrypted identity.
 */
export const CTDC_AGE_BANDS = ['0-8', '9-17', '18-20', '21-23', '24-26', '27-29', '30-38', '39-47', '48+'] as const;
export type CtdcAgeBand = (typeof CTDC_AGE_BANDS)[number];

// The youngest age of each band, in the order of CTDC_AGE_BANDS.
const LOWEST_AGE: readonly number[] = [0, 9, 18, 21, 24, 27, 30, 39, 48];

/** The CTDC band of an age in whole years (0 or more). */
export function ctdcAgeBand(age: number): CtdcAgeBand {
  if (!Number.isInteger(age) || age < 0) throw new RangeError(`Not an age: ${age}`);
  let band = 0;
  while (band + 1 < LOWEST_AGE.length && age >= LOWEST_AGE[band + 1]!) band += 1;
  return CTDC_AGE_BANDS[band]!;
}
