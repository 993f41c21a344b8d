import { createContext, useContext } from 'react';
import { LOCALES, type Locale } from '../../shared/locales';

export interface LocaleContextValue {
  locale: Locale;
  /** Switch the UI language at once; persists to the profile when signed in. */
  setLocale: (locale: Locale, options?: { saveToProfile?: boolean }) => void;
}

export const LocaleContext = createContext<LocaleContextValue>({ locale: 'ar', setLocale: () => {} });

/** The active UI locale and the way to change it. */
export function useLocale(): LocaleContextValue {
  return useContext(LocaleContext);
}

export const LOCALE_STORAGE_KEY = 'sanad.locale';

/** The locale remembered on this device, if any. */
export function storedLocale(): Locale | null {
  try {
    const value = globalThis.localStorage?.getItem(LOCALE_STORAGE_KEY);
    return value && (LOCALES as readonly string[]).includes(value) ? (value as Locale) : null;
  } catch {
    return null;
  }
}

/** Remember the locale on this device for the next visit's login page. */
export function storeLocale(locale: Locale): void {
  try {
    globalThis.localStorage?.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // Private browsing may forbid storage; the choice then lasts for this visit only.
  }
}

/**
 * Locale used by Intl for dates and numbers. Moroccan Arabic and French use Latin
 * digits, which is what Moroccan official documents print.
 */
export const INTL_LOCALE: Record<Locale, string> = { ar: 'ar-MA', fr: 'fr-MA', en: 'en-GB' };
