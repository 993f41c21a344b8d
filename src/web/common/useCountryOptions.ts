import { useMemo } from 'react';
import { useIntl } from 'react-intl';
import { usePublicConfig } from '../api/session';
import { countryOptions, type Option } from '../cases/labels';

/**
 * The countries a picker offers: every ISO country except those the deployment withholds
 * (SANAD_COUNTRIES_WITHHELD; the Moroccan default leaves out "Western Sahara"), in the reader's language.
 * A record that already holds a withheld code still shows its label (countryLabel), it is only not offered.
 */
export function useCountryOptions(): Option[] {
  const intl = useIntl();
  const withheld = usePublicConfig().data?.countriesWithheld;
  return useMemo(() => countryOptions(intl, withheld ?? []), [intl, withheld]);
}
