import { useIntl } from 'react-intl';
import type { ReferralSnapshot, ShareableField } from '../../shared/api/referrals';
import { CODE_PREFIX, codeLabel, countryLabel, regionLabel } from '../cases/labels';
import { useLocale } from '../i18n/locale-context';
import { languageLabel } from '../providers/labels';

/** One shared value, labelled in the reader's language ("—" when the case had none). */
export function SharedValue({ field, snapshot }: { field: ShareableField; snapshot: ReferralSnapshot }) {
  const intl = useIntl();
  const { locale } = useLocale();
  const list = (values: string[] | undefined, label: (code: string) => string) => (values && values.length > 0 ? values.map(label).join(', ') : '—');
  const text = (value: string | null | undefined) => value || '—';
  switch (field) {
    case 'names_arabic':
      return <span dir="rtl">{text([snapshot.names_arabic?.given, snapshot.names_arabic?.family].filter(Boolean).join(' '))}</span>;
    case 'sex':
      return <>{codeLabel(intl, CODE_PREFIX.gender, snapshot.sex)}</>;
    case 'birth_year':
      return <>{snapshot.birth_year ?? '—'}</>;
    case 'citizenships':
      return <>{list(snapshot.citizenships, (c) => countryLabel(intl, c))}</>;
    case 'languages':
      return <>{list(snapshot.languages, (c) => languageLabel(intl, c))}</>;
    case 'exploitation_types':
      return <>{list(snapshot.exploitation_types, (c) => codeLabel(intl, CODE_PREFIX.exploitationForm, c))}</>;
    case 'region':
      return <>{regionLabel(snapshot.region ?? null, locale)}</>;
    case 'trafficking_status':
      return <>{codeLabel(intl, CODE_PREFIX.traffickingStatus, snapshot.trafficking_status)}</>;
    case 'migrant_status':
      return <>{codeLabel(intl, CODE_PREFIX.migrantStatus, snapshot.migrant_status)}</>;
    case 'risk_level':
      return <>{codeLabel(intl, CODE_PREFIX.riskLevel, snapshot.risk_level)}</>;
    case 'phone':
      return <span dir="ltr">{text(snapshot.phone)}</span>;
    default:
      return <>{text(snapshot[field])}</>;
  }
}
