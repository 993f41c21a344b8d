import { useEffect, useState } from 'react';
import type { MessageFormatElement } from 'react-intl';
import type { Locale } from '../../shared/locales';

/** One locale's messages by id: ICU strings, or in a build their precompiled syntax trees (vite.config.ts). */
export type Catalog = Record<string, string> | Record<string, MessageFormatElement[]>;

/** A catalog with the locale it belongs to, so the two never disagree on screen. */
export interface LoadedCatalog {
  locale: Locale;
  messages: Catalog;
}

// Each locale's catalog is its own chunk (about 25 kB gzipped): a visitor downloads only the language
// they read. The web app must not import ./messages/index.ts, which holds all three for the tests.
const IMPORTERS: Record<Locale, () => Promise<{ messages: Catalog }>> = {
  ar: () => import('./messages/ar/index'),
  fr: () => import('./messages/fr/index'),
  en: () => import('./messages/en/index'),
};

const loading = new Map<Locale, Promise<Catalog>>();

/** The catalog of a locale, fetched once per visit; a failed fetch is forgotten so the next call tries again. */
export function loadCatalog(locale: Locale): Promise<Catalog> {
  let catalog = loading.get(locale);
  if (!catalog) {
    catalog = IMPORTERS[locale]().then(
      (module) => module.messages,
      (error: unknown) => {
        loading.delete(locale);
        throw error;
      },
    );
    loading.set(locale, catalog);
  }
  return catalog;
}

/**
 * The catalog to show for `locale` (null while it is not yet decided). Until the first one arrives it
 * returns null; on a switch it keeps the previous catalog until the next one has arrived, so the page
 * never shows message ids. A catalog that cannot be fetched is thrown, as a lazy page that cannot be is.
 */
export function useCatalog(locale: Locale | null): LoadedCatalog | null {
  const [loaded, setLoaded] = useState<LoadedCatalog | null>(null);
  const [failure, setFailure] = useState<{ error: unknown } | null>(null);
  useEffect(() => {
    if (!locale) return;
    let current = true;
    loadCatalog(locale).then(
      (messages) => current && setLoaded({ locale, messages }),
      (error: unknown) => current && setFailure({ error }),
    );
    return () => {
      current = false;
    };
  }, [locale]);
  if (failure) throw failure.error;
  return loaded;
}
