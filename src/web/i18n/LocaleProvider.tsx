import { Center, Loader, useDirection } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { IntlProvider } from 'react-intl';
import { directionOf, type Locale } from '../../shared/locales';
import { call } from '../api/call';
import { authApi } from '../../shared/api/auth';
import { ME_KEY, useMe, usePublicConfig, type Me } from '../api/session';
import { useCatalog } from './catalog-loader';
import { INTL_LOCALE, LocaleContext, storeLocale, storedLocale } from './locale-context';

/**
 * Decides the UI locale: the signed-in user's profile locale wins; before login, the
 * device's remembered choice, then the server default, then Arabic. Shows a loader until
 * that locale's catalog has arrived (each locale is its own chunk).
 */
export function LocaleProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const me = useMe();
  const config = usePublicConfig();
  const [chosen, setChosen] = useState<Locale | null>(storedLocale);
  const wanted: Locale = me.data?.user.locale ?? chosen ?? config.data?.defaultLocale ?? 'ar';
  // Until both answers are in, the locale is a guess: loading it and then switching would show one language, then another.
  const decided = !me.isPending && !config.isPending;
  const shown = useCatalog(decided ? wanted : null);
  const locale = shown?.locale;
  const { setDirection } = useDirection();

  useEffect(() => {
    if (!locale) return;
    const dir = directionOf(locale);
    document.documentElement.lang = locale;
    document.documentElement.dir = dir;
    setDirection(dir);
  }, [locale, setDirection]);

  const setLocale = useCallback(
    (next: Locale, { saveToProfile = true }: { saveToProfile?: boolean } = {}) => {
      setChosen(next);
      storeLocale(next);
      const current = queryClient.getQueryData<Me | null>(ME_KEY);
      if (current) {
        queryClient.setQueryData<Me>(ME_KEY, { ...current, user: { ...current.user, locale: next } });
        // Agency and provider names come from the server in the profile's language: read them again once it has the new one.
        const refetchNames = () => queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== ME_KEY[0] });
        // The UI has already switched; a failed save only means the next session starts in the old language.
        if (saveToProfile) call(authApi.updateProfile, { body: { locale: next } }).then(refetchNames, () => {});
        else void refetchNames(); // the profile form saved it already
      }
    },
    [queryClient],
  );

  const context = useMemo(() => ({ locale: locale ?? wanted, setLocale }), [locale, wanted, setLocale]);

  // A language the person just picked keeps the page (and whatever they typed) until its catalog arrives;
  // one that comes from elsewhere (the profile, right after sign-in) shows the loader instead of a page in
  // the previous language that then switches under them.
  const switchingUnasked = shown !== null && shown.locale !== wanted && chosen !== wanted;
  if (!shown || switchingUnasked) {
    return (
      <Center h="100vh">
        <Loader />
      </Center>
    );
  }
  return (
    <LocaleContext.Provider value={context}>
      <IntlProvider locale={INTL_LOCALE[shown.locale]} messages={shown.messages} defaultLocale="en">
        {children}
      </IntlProvider>
    </LocaleContext.Provider>
  );
}
