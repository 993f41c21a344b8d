import type { IntlShape } from 'react-intl';
import { AGENCY_TYPES } from '../../shared/agencies';

/** Agency type options with translated labels, sorted for the reader's language. */
export function agencyTypeOptions(intl: IntlShape): { value: string; label: string }[] {
  return AGENCY_TYPES.map((code) => ({ value: code, label: intl.formatMessage({ id: `agencyType.${code}` }) })).sort((a, b) =>
    a.label.localeCompare(b.label, intl.locale),
  );
}
