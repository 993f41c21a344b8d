import { ActionIcon, Button, Checkbox, Fieldset, Group, MultiSelect, NumberInput, Select, SimpleGrid, Stack, TagsInput, TextInput, Textarea } from '@mantine/core';
import { DayInput } from './CaseDates';
import type { UseFormReturnType } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useIntl } from 'react-intl';
import { IDENTITY_DOCUMENT_TYPES, PRS_GENDERS } from '../../shared/htcds/person';
import type { CaseFormValues } from './caseForm';
import { CODE_PREFIX, codeOptions, victimLanguageOptions } from './labels';
import { useCountryOptions } from '../common/useCountryOptions';

const THIS_YEAR = new Date().getFullYear();

/** Identity fields (HTCDS prs_): names in both scripts, birth, sex, citizenships, languages, documents, contact. */
export function PersonFields({ form }: { form: UseFormReturnType<CaseFormValues> }) {
  const intl = useIntl();
  const t = (id: string) => intl.formatMessage({ id });
  const countries = useCountryOptions();
  const languages = useMemo(() => victimLanguageOptions(intl), [intl]);
  const documents = form.getValues().person.identityDocuments;

  return (
    <Stack>
      <Fieldset legend={t('cases.section.names')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('cases.field.givenNameAr')} dir="rtl" lang="ar" data-testid="case-form-given-name-arabic" {...form.getInputProps('person.givenNameAr')} />
          <TextInput label={t('cases.field.familyNameAr')} dir="rtl" lang="ar" data-testid="case-form-family-name-arabic" {...form.getInputProps('person.familyNameAr')} />
          <TextInput label={t('cases.field.givenNameLatin')} dir="ltr" data-testid="case-form-given-name-latin" {...form.getInputProps('person.givenNameLatin')} />
          <TextInput label={t('cases.field.familyNameLatin')} dir="ltr" data-testid="case-form-family-name-latin" {...form.getInputProps('person.familyNameLatin')} />
        </SimpleGrid>
        <TagsInput mt="sm" label={t('cases.field.aliases')} description={t('cases.field.aliasesHint')} maxTags={10} data-testid="case-form-aliases" {...form.getInputProps('person.aliases')} />
      </Fieldset>

      <Fieldset legend={t('cases.section.birth')}>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <DayInput
            label={t('cases.field.birthDate')}
            maxDate={new Date()}
            data-testid="case-form-birth-date"
            {...form.getInputProps('person.birthDate')}
          />
          <NumberInput
            label={t('cases.field.birthYear')}
            description={t('cases.field.birthYearHint')}
            min={1900}
            max={THIS_YEAR}
            allowDecimal={false}
            thousandSeparator={false}
            data-testid="case-form-birth-year"
            {...form.getInputProps('person.birthYear')}
          />
          <Select label={t('cases.field.sex')} data={codeOptions(intl, CODE_PREFIX.gender, PRS_GENDERS)} allowDeselect={false} data-testid="case-form-sex" {...form.getInputProps('person.sex')} />
        </SimpleGrid>
        <Checkbox mt="sm" label={t('cases.field.birthYearEstimated')} data-testid="case-form-birth-estimated" {...form.getInputProps('person.birthYearEstimated', { type: 'checkbox' })} />
      </Fieldset>

      <Fieldset legend={t('cases.section.origin')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <MultiSelect label={t('cases.field.citizenships')} data={countries} searchable data-testid="case-form-citizenship" {...form.getInputProps('person.citizenships')} />
          <MultiSelect label={t('cases.field.languages')} data={languages} searchable data-testid="case-form-languages" {...form.getInputProps('person.languages')} />
        </SimpleGrid>
      </Fieldset>

      <Fieldset legend={t('cases.section.documents')}>
        <Stack gap="xs">
          {documents.map((_, index) => (
            <Group key={index} align="flex-end" wrap="wrap" data-testid="case-form-document">
              <Select
                label={t('cases.field.documentType')}
                data={codeOptions(intl, CODE_PREFIX.documentType, IDENTITY_DOCUMENT_TYPES)}
                allowDeselect={false}
                data-testid={`case-form-document-type-${index}`}
                {...form.getInputProps(`person.identityDocuments.${index}.type`)}
              />
              <TextInput label={t('cases.field.documentNumber')} dir="ltr" data-testid={`case-form-document-number-${index}`} {...form.getInputProps(`person.identityDocuments.${index}.number`)} />
              <Select label={t('cases.field.documentCountry')} data={countries} searchable clearable data-testid={`case-form-document-country-${index}`} {...form.getInputProps(`person.identityDocuments.${index}.issuingCountry`)} />
              <ActionIcon
                variant="subtle"
                color="red"
                size="lg"
                aria-label={t('cases.field.documentRemove')}
                onClick={() => form.removeListItem('person.identityDocuments', index)}
              >
                <IconTrash size={18} aria-hidden />
              </ActionIcon>
            </Group>
          ))}
          <Group>
            <Button
              variant="light"
              size="xs"
              leftSection={<IconPlus size={14} aria-hidden />}
              disabled={documents.length >= 10}
              onClick={() => form.insertListItem('person.identityDocuments', { type: 'Passport', number: '', issuingCountry: null })}
              data-testid="case-form-document-add"
            >
              {t('cases.field.documentAdd')}
            </Button>
          </Group>
        </Stack>
      </Fieldset>

      <Fieldset legend={t('cases.section.contact')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('cases.field.phone')} type="tel" dir="ltr" data-testid="case-form-phone" {...form.getInputProps('person.contact.phone')} />
          <TextInput label={t('cases.field.email')} type="email" dir="ltr" data-testid="case-form-email" {...form.getInputProps('person.contact.email')} />
        </SimpleGrid>
        <Textarea mt="sm" label={t('cases.field.address')} autosize minRows={2} data-testid="case-form-address" {...form.getInputProps('person.contact.address')} />
      </Fieldset>
    </Stack>
  );
}
