import { useDirection } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { IntlProvider } from 'react-intl';
import { directionOf, type Locale } from '../../shared/locales';
import { api } from '../api/client';
import { ME_KEY, useMe, usePublicConfig, type Me } from '../api/session';
import { INTL_LOCALE, LocaleContext, storeLocale, storedLocale } from './locale-context';
import { messagesFor } from './messages';

/**
 * Decides the UI locale: the signed-in user's profile locale wins; before login, the
 * device's remembered choice, then the server default, then Arabic.
 */
export function LocaleProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const me = useMe().data;
  const config = usePublicConfig().data;
  const [chosen, setChosen] = useState<Locale | null>(storedLocale);
  const locale: Locale = me?.user.locale ?? chosen ?? config?.defaultLocale ?? 'ar';
  const { setDirection } = useDirection();

  useEffect(() => {
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
        // The UI has already switched; a failed save only means the next session starts in the old language.
        if (saveToProfile) api.patch('/api/me', { locale: next }).catch(() => {});
      }
    },
    [queryClient],
  );

  const context = useMemo(() => ({ locale, setLocale }), [locale, setLocale]);

  return (
    <LocaleContext.Provider value={context}>
      <IntlProvider locale={INTL_LOCALE[locale]} messages={messagesFor(locale)} defaultLocale="en">
        {children}
      </IntlProvider>
    </LocaleContext.Provider>
  );
}
