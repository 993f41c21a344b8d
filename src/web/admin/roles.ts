import type { IntlShape } from 'react-intl';
import { LOCALES } from '../../shared/locales';
import { ROLES } from '../../shared/roles';
import { LOCALE_SELF_NAMES } from '../i18n/untranslatable';

/** Role options with translated names, in the canonical order of the pathway. */
export function roleOptions(intl: IntlShape): { value: string; label: string }[] {
  return ROLES.map((code) => ({ value: code, label: intl.formatMessage({ id: `role.${code}` }) }));
}

/** Locale options, each written in its own language. */
export const LOCALE_OPTIONS = LOCALES.map((code) => ({ value: code, label: LOCALE_SELF_NAMES[code] }));
