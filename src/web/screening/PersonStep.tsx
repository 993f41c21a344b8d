import { Alert, Select, SimpleGrid, Stack, Switch } from '@mantine/core';
import { IconShieldLock } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useIntl } from 'react-intl';
import { AGE_BANDS, type AgeBand } from '../../shared/api/screening';
import { COUNTRY_CODES } from '../../shared/htcds/countries';
import { LANGUAGE_CODES } from '../../shared/htcds/languages';
import { PRS_GENDERS } from '../../shared/htcds/person';
import { codeOptions, victimLanguageOptions } from '../cases/labels';
import { useCountryOptions } from '../common/useCountryOptions';
import { codeIn, withAgeBand, type ScreeningDraft } from './draft';

/** Step 2: person basics only (age band, sex, nationality, language): no name is asked at this stage. */
export function PersonStep({ draft, onChange, errors }: { draft: ScreeningDraft; onChange: (draft: ScreeningDraft) => void; errors: readonly string[] }) {
  const intl = useIntl();
  const t = (id: string) => intl.formatMessage({ id });
  const countries = useCountryOptions();
  const languages = useMemo(() => victimLanguageOptions(intl), [intl]);
  const required = (field: string) => (errors.includes(field) ? t('screening.validation.required') : null);

  return (
    <Stack>
      <Alert color="blue" variant="light" icon={<IconShieldLock aria-hidden />}>
        {t('screening.person.noIdentity')}
      </Alert>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('screening.person.ageBand')}
          withAsterisk
          data={AGE_BANDS.map((band) => ({ value: band, label: t(`screening.ageBand.${band}`) }))}
          value={draft.ageBand}
          error={required('ageBand')}
          onChange={(value: AgeBand | null) => value && onChange(withAgeBand(draft, value))}
          data-testid="screening-age-band"
        />
        <Select
          label={t('screening.person.sex')}
          withAsterisk
          data={codeOptions(intl, 'screening.sex', PRS_GENDERS)}
          value={draft.sex}
          error={required('sex')}
          onChange={(value) => onChange({ ...draft, sex: codeIn(PRS_GENDERS, value) })}
          data-testid="screening-sex"
        />
        <Select label={t('screening.person.nationality')} data={countries} searchable clearable value={draft.nationality} onChange={(value) => onChange({ ...draft, nationality: codeIn(COUNTRY_CODES, value) })} data-testid="screening-nationality" />
        <Select label={t('screening.person.language')} data={languages} searchable clearable value={draft.language} onChange={(value) => onChange({ ...draft, language: codeIn(LANGUAGE_CODES, value) })} data-testid="screening-language" />
      </SimpleGrid>
      <Switch
        label={t('screening.person.isChild')}
        description={t('screening.person.isChildHelp')}
        checked={draft.isChild}
        disabled={draft.ageBand !== null && draft.ageBand !== 'unknown'}
        onChange={(event) => onChange({ ...draft, isChild: event.currentTarget.checked })}
        data-testid="screening-is-child"
      />
    </Stack>
  );
}
