import { SegmentedControl } from '@mantine/core';
import { useIntl } from 'react-intl';
import { LOCALES, type Locale } from '../../shared/locales';
import { useLocale } from './locale-context';
import { LOCALE_SELF_NAMES } from './untranslatable';

/** Arabic / Français / English, each written in its own language. */
export function LocaleSwitcher() {
  const intl = useIntl();
  const { locale, setLocale } = useLocale();
  return (
    <SegmentedControl
      size="xs"
      data-testid="locale-switcher"
      aria-label={intl.formatMessage({ id: 'locale.switcher' })}
      value={locale}
      onChange={(value) => setLocale(value as Locale)}
      data={LOCALES.map((code) => ({
        value: code,
        label: (
          <span lang={code} dir={code === 'ar' ? 'rtl' : 'ltr'} data-testid={`locale-option-${code}`}>
            {LOCALE_SELF_NAMES[code]}
          </span>
        ),
      }))}
    />
  );
}
