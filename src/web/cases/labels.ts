import type { IntlShape } from 'react-intl';
import { COUNTRY_CODES } from '../../shared/htcds/countries';
import { LANGUAGE_CODES } from '../../shared/htcds/languages';
import { REGIONS, REGION_NAMES, isRegionCode, provinceNames } from '../../shared/geo/regions';
import type { Locale } from '../../shared/locales';
import { languageLabel } from '../providers/labels';

export interface Option {
  value: string;
  label: string;
}

/** Catalog prefix of every closed code list a case uses (`<prefix>.<code>`). */
export const CODE_PREFIX = {
  caseStatus: 'caseStatus',
  traffickingStatus: 'traffickingStatus',
  riskLevel: 'riskLevel',
  gender: 'gender',
  documentType: 'documentType',
  exploitationForm: 'exploitationForm',
  sexExploitation: 'sexExploitation',
  recruitmentMethod: 'recruitmentMethod',
  controlMethod: 'controlMethod',
  industry: 'isic',
  scope: 'traffickingScope',
  migrantStatus: 'migrantStatus',
  relationship: 'relationship',
  decisionOrg: 'decisionOrg',
  nonPunishmentGround: 'nonPunishmentGround',
  consentType: 'consentType',
  consentMethod: 'consentMethod',
  closureReason: 'closureReason',
  matchReason: 'matchReason',
  mergeStatus: 'mergeStatus',
  eventType: 'eventType',
} as const;

/** One code labelled from the catalog. */
export function codeLabel(intl: IntlShape, prefix: string, code: string | null | undefined): string {
  if (!code) return '—';
  const id = `${prefix}.${code}`;
  return id in intl.messages ? intl.formatMessage({ id }) : code;
}

/** Select options for a closed code list, in the list's own order. */
export function codeOptions(intl: IntlShape, prefix: string, codes: readonly string[]): Option[] {
  return codes.map((code) => ({ value: code, label: codeLabel(intl, prefix, code) }));
}

/** Brand names read the same in every language; only "Other" needs the catalog. */
const WEBSITE_NAMES: Record<string, string> = { FacebookMessenger: 'Facebook Messenger', SnapChat: 'Snapchat', Twitter: 'X (Twitter)' };

/** A website or app (HTCDS vic_*WebsitesAndApps). */
export function websiteLabel(intl: IntlShape, code: string): string {
  if (code === 'Other') return intl.formatMessage({ id: 'cases.code.other' });
  return WEBSITE_NAMES[code] ?? code;
}

/** A country's name in the reader's language, from the browser's own data. */
export function countryLabel(intl: IntlShape, code: string | null | undefined): string {
  if (!code) return '—';
  try {
    return new Intl.DisplayNames([intl.locale], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Every country the deployment offers (see useCountryOptions), labelled and sorted in the reader's language. */
export function countryOptions(intl: IntlShape, withheld: readonly string[] = []): Option[] {
  return COUNTRY_CODES.filter((code) => !withheld.includes(code))
    .map((code) => ({ value: code, label: countryLabel(intl, code) }))
    .sort((a, b) => a.label.localeCompare(b.label, intl.locale));
}

/**
 * A victim's language in the reader's language. Some languages (Fula, Kikongo…)
 * have no Arabic name in the browser's data; their English name beats a bare code.
 */
export function victimLanguageLabel(intl: IntlShape, code: string): string {
  const label = languageLabel(intl, code);
  if (label.toLowerCase() !== code.toLowerCase()) return label;
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Every language a victim may speak, labelled and sorted. */
export function victimLanguageOptions(intl: IntlShape): Option[] {
  return LANGUAGE_CODES.map((code) => ({ value: code, label: victimLanguageLabel(intl, code) })).sort((a, b) => a.label.localeCompare(b.label, intl.locale));
}

/** The 12 regions in the reader's language. */
export function regionOptions(locale: Locale): Option[] {
  return REGIONS.map((region) => ({ value: region.code, label: region.name[locale] }));
}

/** Provinces of one region (or every province when no region is chosen), named in the reader's language. */
export function provinceOptions(region: string | null, locale: Locale): Option[] {
  return REGIONS.filter((r) => !region || r.code === region).flatMap((r) => r.provinces.map((p) => ({ value: p.code, label: p.name[locale] })));
}

/** A province's name in the reader's language, or its code when it is not one of ours. */
export function provinceLabel(code: string | null, locale: Locale): string {
  if (!code) return '—';
  return provinceNames(code)?.[locale] ?? code;
}

/** A region code in the reader's language. */
export function regionLabel(code: string | null, locale: Locale): string {
  return code && isRegionCode(code) ? REGION_NAMES[code][locale] : '—';
}

/** Badge colours: what needs attention stands out. */
export const CASE_STATUS_COLOR: Record<string, string> = { Active: 'teal', FollowUp: 'blue', Closed: 'gray', ClosedReferred: 'gray' };
export const RISK_COLOR: Record<string, string> = { low: 'green', medium: 'yellow', high: 'orange', critical: 'red' };
export const TRAFFICKING_STATUS_COLOR: Record<string, string> = { possible: 'yellow', presumed: 'orange', identified: 'grape', not_a_victim: 'gray' };

/** A calendar date (YYYY-MM-DD) in the reader's format; read as UTC so no time zone shifts the day. */
export function formatDay(intl: IntlShape, day: string | null | undefined): string {
  return day ? intl.formatDate(`${day.slice(0, 10)}T00:00:00Z`, { dateStyle: 'medium', timeZone: 'UTC' }) : '—';
}

/** A moment (ISO timestamp) with date and time. */
export function formatMoment(intl: IntlShape, moment: string | null | undefined): string {
  return moment ? intl.formatDate(moment, { dateStyle: 'medium', timeStyle: 'short' }) : '—';
}
