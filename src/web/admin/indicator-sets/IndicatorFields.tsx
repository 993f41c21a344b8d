import { Accordion, Badge, Button, Group, NumberInput, Select, SimpleGrid, Switch, Text, Textarea, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconTrash } from '@tabler/icons-react';
import { useIntl } from 'react-intl';
import { INDICATOR_CATEGORIES, PALERMO_ELEMENTS, type Indicator, type Thresholds } from '../../../shared/api/screening';
import { EXPLOITATION_FORMS } from '../../../shared/htcds/victim';
import { LOCALES } from '../../../shared/locales';
import { useLocale } from '../../i18n/locale-context';

/** The form a new version is edited in: the whole list, the thresholds and why it changed. */
export interface IndicatorSetForm {
  changeNote: string;
  thresholds: Thresholds;
  indicators: Indicator[];
}

interface IndicatorFieldsProps {
  form: UseFormReturnType<IndicatorSetForm>;
  index: number;
  /** Copied from the active version: its code stays, so answers under it keep their meaning. */
  inherited: boolean;
  readOnly: boolean;
}

/** One indicator in the editor: folded to its question, unfolded to every field (the question in ar, fr and en). */
export function IndicatorFields({ form, index, inherited, readOnly }: IndicatorFieldsProps) {
  const intl = useIntl();
  const { locale } = useLocale();
  const t = (id: string) => intl.formatMessage({ id });
  const item = form.getValues().indicators[index]!;
  const path = (field: string) => `indicators.${index}.${field}`;
  const hasError = Object.keys(form.errors).some((key) => key.startsWith(`indicators.${index}.`));

  return (
    <Accordion.Item value={String(index)} data-testid={`indicator-edit-${index}`}>
      <Accordion.Control>
        <Group gap="xs" wrap="nowrap">
          <Badge size="sm" variant="light" color={hasError ? 'red' : 'gray'}>
            {t(`screening.element.${item.element}`)}
          </Badge>
          <Text size="sm" lineClamp={1}>
            {item.text[locale] || item.code || t('indicatorSets.newIndicator')}
          </Text>
        </Group>
      </Accordion.Control>
      <Accordion.Panel>
        <SimpleGrid cols={{ base: 1, sm: 3 }} mb="sm">
          <TextInput label={t('indicatorSets.field.code')} readOnly={readOnly || inherited} {...form.getInputProps(path('code'))} data-testid={`indicator-edit-${index}-code`} />
          <Select
            label={t('indicatorSets.field.category')}
            data={INDICATOR_CATEGORIES.map((c) => ({ value: c, label: t(`screening.category.${c}`) }))}
            allowDeselect={false}
            readOnly={readOnly}
            {...form.getInputProps(path('category'))}
          />
          <Select
            label={t('indicatorSets.field.element')}
            data={PALERMO_ELEMENTS.map((e) => ({ value: e, label: t(`screening.element.${e}`) }))}
            allowDeselect={false}
            readOnly={readOnly}
            {...form.getInputProps(path('element'))}
            onChange={(value) => {
              form.setFieldValue(path('element'), value);
              // Only a purpose indicator points to a form of exploitation.
              if (value !== 'purpose') form.setFieldValue(path('form'), null);
            }}
          />
          <Select
            label={t('indicatorSets.field.form')}
            data={EXPLOITATION_FORMS.map((f) => ({ value: f, label: t(`exploitationForm.${f}`) }))}
            clearable
            disabled={item.element !== 'purpose'}
            readOnly={readOnly}
            {...form.getInputProps(path('form'))}
          />
          <NumberInput label={t('indicatorSets.field.weight')} min={1} max={5} allowDecimal={false} readOnly={readOnly} {...form.getInputProps(path('weight'))} />
          <Switch
            mt="xl"
            label={t('indicatorSets.field.strong')}
            disabled={readOnly}
            {...form.getInputProps(path('strong'), { type: 'checkbox' })}
          />
        </SimpleGrid>
        {LOCALES.map((language) => (
          <Textarea
            key={language}
            dir={language === 'ar' ? 'rtl' : 'ltr'}
            lang={language}
            label={t(`indicatorSets.field.text.${language}`)}
            autosize
            minRows={1}
            maxLength={500}
            readOnly={readOnly}
            mb="xs"
            {...form.getInputProps(path(`text.${language}`))}
            data-testid={`indicator-edit-${index}-text-${language}`}
          />
        ))}
        {!readOnly && (
          <Button variant="subtle" color="red" size="xs" leftSection={<IconTrash size={14} aria-hidden />} onClick={() => form.removeListItem('indicators', index)}>
            {t('indicatorSets.remove')}
          </Button>
        )}
      </Accordion.Panel>
    </Accordion.Item>
  );
}
