import { Fieldset, SimpleGrid, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useIntl } from 'react-intl';
import { directionOf, LOCALES } from '../../../shared/locales';
import { NAME_FIELDS } from '../../../shared/api/names';

/** The three name fields of a form (agencies, service points), as typed. */
export interface LocaleNameValues {
  nameAr: string;
  nameFr: string;
  nameEn: string;
}

type StoredNames = { name: string; nameAr: string | null; nameFr: string | null; nameEn: string | null };

// Arabic letters: a default name written in them belongs in the Arabic field.
const ARABIC_LETTER = /[\u0621-\u064A]/;

/**
 * The form's starting names. A record stored with only a default name (created before names per
 * language, or by the CLI) shows it in the field of its script, as migration 0016 filed the others.
 */
export function initialNames(record: StoredNames | null): LocaleNameValues {
  if (!record) return { nameAr: '', nameFr: '', nameEn: '' };
  if (record.nameAr === null && record.nameFr === null && record.nameEn === null) {
    return ARABIC_LETTER.test(record.name) ? { nameAr: record.name, nameFr: '', nameEn: '' } : { nameAr: '', nameFr: record.name, nameEn: '' };
  }
  return { nameAr: record.nameAr ?? '', nameFr: record.nameFr ?? '', nameEn: record.nameEn ?? '' };
}

/** The names as the API takes them: an empty field is no name in that language (null clears it). */
export function namesBody(values: LocaleNameValues): { nameAr: string | null; nameFr: string | null; nameEn: string | null } {
  return { nameAr: values.nameAr.trim() || null, nameFr: values.nameFr.trim() || null, nameEn: values.nameEn.trim() || null };
}

/** Arabic, French and English names, each typed in its own direction; at least one is needed. */
export function LocaleNameFields<V extends LocaleNameValues>({ form, testId }: { form: UseFormReturnType<V>; testId: string }) {
  const intl = useIntl();
  return (
    <Fieldset legend={intl.formatMessage({ id: 'agencies.name' })} variant="unstyled">
      <Text size="xs" c="dimmed" mb="xs">
        {intl.formatMessage({ id: 'names.hint' })}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        {LOCALES.map((locale, index) => (
          <TextInput
            key={locale}
            label={intl.formatMessage({ id: `names.${locale}` })}
            lang={locale}
            dir={directionOf(locale)}
            data-autofocus={index === 0 ? true : undefined}
            data-testid={`${testId}-name-${locale}`}
            {...form.getInputProps(NAME_FIELDS[locale])}
          />
        ))}
      </SimpleGrid>
    </Fieldset>
  );
}
