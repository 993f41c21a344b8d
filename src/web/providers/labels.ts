import type { IntlShape } from 'react-intl';
import { PROVIDER_LANGUAGES, SERVICE_TYPES, TARGET_GROUPS, type ProviderLanguage, type ServiceType, type TargetGroup } from '../../shared/api/providers';
import { REGIONS, REGION_NAMES, isRegionCode, type RegionCode } from '../../shared/geo/regions';
import type { Locale } from '../../shared/locales';

/** A select option; `Code` is the closed list it comes from, so a select over it answers with that type. */
export interface Option<Code extends string = string> {
  value: Code;
  label: string;
}

/** The 12 service types, labelled in the reader's language. */
export function serviceOptions(intl: IntlShape): Option<ServiceType>[] {
  return SERVICE_TYPES.map((code) => ({ value: code, label: intl.formatMessage({ id: `serviceType.${code}` }) }));
}

/** The target groups, labelled. */
export function targetGroupOptions(intl: IntlShape): Option<TargetGroup>[] {
  return TARGET_GROUPS.map((code) => ({ value: code, label: intl.formatMessage({ id: `targetGroup.${code}` }) }));
}

/** The 12 regions, named in the reader's language. */
export function regionOptions(locale: Locale): Option<RegionCode>[] {
  return REGIONS.map((region) => ({ value: region.code, label: region.name[locale] }));
}

/** A region's name, or the stored code when it is not one of ours. */
export function regionLabel(code: string, locale: Locale): string {
  return isRegionCode(code) ? REGION_NAMES[code][locale] : code;
}

/**
 * A language's name from the browser's own data (Intl.DisplayNames); Darija has
 * no name there in every locale, so the catalog supplies it.
 */
export function languageLabel(intl: IntlShape, code: string): string {
  const catalogued = `providers.language.${code}`;
  if (catalogued in intl.messages) return intl.formatMessage({ id: catalogued });
  try {
    const name = new Intl.DisplayNames([intl.locale], { type: 'language' }).of(code) ?? code;
    // French and Spanish data spell language names in lower case; a label starts with a capital.
    return name.charAt(0).toLocaleUpperCase(intl.locale) + name.slice(1);
  } catch {
    return code;
  }
}

/** Every provider language, labelled and sorted by label. */
export function languageOptions(intl: IntlShape): Option<ProviderLanguage>[] {
  return PROVIDER_LANGUAGES.map((code) => ({ value: code, label: languageLabel(intl, code) })).sort((a, b) => a.label.localeCompare(b.label, intl.locale));
}
