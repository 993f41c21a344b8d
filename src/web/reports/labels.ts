import type { IntlShape } from 'react-intl';
import type { ReportUrgency } from '../../shared/api/reports';
import { REGION_NAMES, isRegionCode } from '../../shared/geo/regions';
import type { Locale } from '../../shared/locales';

/** Badge colour per urgency: immediate danger must stand out on the work list. */
export const URGENCY_COLOR: Record<ReportUrgency, string> = { immediate_danger: 'red', urgent: 'orange', standard: 'gray' };

/** Select options for a closed list of codes labelled from the catalog under `prefix` (a Select over them yields the code type). */
export function codeOptions<Code extends string>(intl: IntlShape, prefix: string, codes: readonly Code[]): { value: Code; label: string }[] {
  return codes.map((code) => ({ value: code, label: intl.formatMessage({ id: `${prefix}.${code}` }) }));
}

/** A region code in the reader's language (a dash when unknown). */
export function regionLabel(code: string | null, locale: Locale): string {
  return code && isRegionCode(code) ? REGION_NAMES[code][locale] : '—';
}
