import { Alert, Anchor, Button, Card, Group, NumberInput, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconFolderPlus } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { Link } from 'react-router-dom';
import { DuplicateCandidates, DuplicatesNotice } from '../cases/DuplicateCandidates';
import { screeningsApi, type ScreeningDetail } from '../../shared/api/screening';
import { COUNTRY_CODES } from '../../shared/htcds/countries';
import { PRS_GENDERS, type PrsGender } from '../../shared/htcds/person';
import { call } from '../api/call';
import { ErrorAlert } from '../common/ErrorAlert';
import { codeOptions } from '../cases/labels';
import { useCountryOptions } from '../common/useCountryOptions';
import { codeIn } from './draft';
import { screeningKeys } from './screeningApi';

const THIS_YEAR = new Date().getFullYear();

/**
 * Opens a victim case from a confirmed screening. The identity is asked for
 * only here and goes straight to the (encrypted) case; possible duplicates
 * held by other agencies come back with the answer.
 */
export function OpenCasePanel({ screening }: { screening: ScreeningDetail }) {
  const intl = useIntl();
  const t = (id: string) => intl.formatMessage({ id });
  const queryClient = useQueryClient();
  const countries = useCountryOptions();
  const [names, setNames] = useState({ givenNameAr: '', familyNameAr: '', givenNameLatin: '', familyNameLatin: '' });
  const [birthYear, setBirthYear] = useState<number | string>('');
  const [sex, setSex] = useState<PrsGender>(screening.sex);
  const [citizenship, setCitizenship] = useState(screening.nationality);
  const [nameError, setNameError] = useState<string | null>(null);

  const open = useMutation({
    mutationFn: () =>
      call(screeningsApi.openCase, {
        params: { id: screening.id },
        body: {
          version: screening.version,
          person: {
            givenNameAr: names.givenNameAr.trim() || null,
            familyNameAr: names.familyNameAr.trim() || null,
            givenNameLatin: names.givenNameLatin.trim() || null,
            familyNameLatin: names.familyNameLatin.trim() || null,
            birthYear: typeof birthYear === 'number' ? birthYear : null,
            birthYearEstimated: true,
            sex,
            citizenships: citizenship ? [citizenship] : [],
          },
        },
      }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: screeningKeys.all }),
  });

  if (open.data) {
    const { caseId, caseNumber, duplicates } = open.data;
    return (
      <Card withBorder padding="md" data-testid="screening-case-opened">
        <Stack gap="sm">
          <Alert color="teal">
            {intl.formatMessage({ id: 'screening.case.opened' }, { number: caseNumber })}{' '}
            <Anchor component={Link} to={`/cases/${caseId}`} data-testid="screening-case-link">
              {t('screening.case.view')}
            </Anchor>
          </Alert>
          {duplicates.length === 0 ? (
            <Text size="sm" c="dimmed" data-testid="screening-no-duplicates">
              {t('caseOverview.duplicates.none')}
            </Text>
          ) : (
            <>
              <DuplicatesNotice candidates={duplicates} withHelp={false} />
              <DuplicateCandidates caseId={caseId} candidates={duplicates} canRequestMerge={false} />
              <Text size="sm" c="dimmed">
                {t('caseOverview.duplicates.fromCasePage')}
              </Text>
            </>
          )}
        </Stack>
      </Card>
    );
  }

  const setName = (key: keyof typeof names) => (event: React.ChangeEvent<HTMLInputElement>) => {
    const value = event.currentTarget.value;
    setNames((current) => ({ ...current, [key]: value }));
  };
  const submit = () => {
    if (!Object.values(names).some((value) => value.trim())) {
      setNameError(t('screening.case.nameRequired'));
      return;
    }
    setNameError(null);
    open.mutate();
  };

  return (
    <Card withBorder padding="md" data-testid="screening-case-form">
      <Stack gap="sm">
        <Text size="sm">{t('screening.case.help')}</Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('screening.case.givenNameAr')} dir="rtl" lang="ar" value={names.givenNameAr} onChange={setName('givenNameAr')} error={nameError} data-testid="case-form-given-name-arabic" />
          <TextInput label={t('screening.case.familyNameAr')} dir="rtl" lang="ar" value={names.familyNameAr} onChange={setName('familyNameAr')} data-testid="case-form-family-name-arabic" />
          <TextInput label={t('screening.case.givenNameLatin')} dir="ltr" value={names.givenNameLatin} onChange={setName('givenNameLatin')} data-testid="case-form-given-name-latin" />
          <TextInput label={t('screening.case.familyNameLatin')} dir="ltr" value={names.familyNameLatin} onChange={setName('familyNameLatin')} data-testid="case-form-family-name-latin" />
          <NumberInput
            label={t('screening.case.birthYear')}
            description={t('screening.case.birthYearHelp')}
            min={1900}
            max={THIS_YEAR}
            allowDecimal={false}
            thousandSeparator={false}
            value={birthYear}
            onChange={setBirthYear}
            data-testid="case-form-birth-year"
          />
          <Select label={t('screening.person.sex')} data={codeOptions(intl, 'screening.sex', PRS_GENDERS)} allowDeselect={false} value={sex} onChange={(v) => setSex(codeIn(PRS_GENDERS, v) ?? sex)} data-testid="case-form-sex" />
          <Select label={t('screening.case.citizenship')} data={countries} searchable clearable value={citizenship} onChange={(v) => setCitizenship(codeIn(COUNTRY_CODES, v))} data-testid="case-form-citizenship" />
        </SimpleGrid>
        <Group>
          <Button leftSection={<IconFolderPlus size={16} aria-hidden />} onClick={submit} loading={open.isPending} data-testid="screening-open-case">
            {t('screening.case.open')}
          </Button>
        </Group>
        <ErrorAlert error={open.error} />
      </Stack>
    </Card>
  );
}
