import { Fieldset, MultiSelect, NumberInput, Select, SimpleGrid, Stack, Switch, Textarea } from '@mantine/core';
import { DayInput } from './CaseDates';
import type { UseFormReturnType } from '@mantine/form';
import { useIntl } from 'react-intl';
import { NON_PUNISHMENT_GROUNDS, RISK_LEVELS } from '../../shared/htcds/case';
import {
  CONTROL_METHODS, EXPLOITATION_FORMS, FORCED_LABOUR_INDUSTRIES, MIGRANT_STATUSES, RECRUITMENT_METHODS, RELATIONSHIPS_TO_TRAFFICKER, SEX_EXPLOITATION_TYPES,
  STATUS_DECISION_ORGS, TRAFFICKING_SCOPES, TRAFFICKING_STATUSES, WEBSITES_AND_APPS,
} from '../../shared/htcds/victim';
import { useLocale } from '../i18n/locale-context';
import type { CaseFormValues } from './caseForm';
import { CODE_PREFIX, codeOptions, provinceOptions, regionOptions, websiteLabel } from './labels';


/** Victim-context fields (HTCDS vic_ and the case's protection fields). */
export function ContextFields({ form }: { form: UseFormReturnType<CaseFormValues> }) {
  const intl = useIntl();
  const { locale } = useLocale();
  const t = (id: string) => intl.formatMessage({ id });
  const values = form.getValues();
  const websites = WEBSITES_AND_APPS.map((code) => ({ value: code, label: websiteLabel(intl, code) }));
  const regionInput = form.getInputProps('region');

  return (
    <Stack>
      <Fieldset legend={t('cases.section.status')}>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select
            label={t('cases.field.traffickingStatus')}
            description={t('cases.field.traffickingStatusHint')}
            data={codeOptions(intl, CODE_PREFIX.traffickingStatus, TRAFFICKING_STATUSES)}
            allowDeselect={false}
            data-testid="case-form-trafficking-status"
            {...form.getInputProps('traffickingStatus')}
          />
          <Select label={t('cases.field.statusDecidedBy')} data={codeOptions(intl, CODE_PREFIX.decisionOrg, STATUS_DECISION_ORGS)} clearable data-testid="case-form-decided-by" {...form.getInputProps('statusDecidedBy')} />
          <DayInput label={t('cases.field.statusDecidedAt')} maxDate={new Date()} data-testid="case-form-decided-at" {...form.getInputProps('statusDecidedAt')} />
        </SimpleGrid>
      </Fieldset>

      <Fieldset legend={t('cases.section.exploitation')}>
        <Stack gap="sm">
          <MultiSelect label={t('cases.field.exploitationForms')} data={codeOptions(intl, CODE_PREFIX.exploitationForm, EXPLOITATION_FORMS)} searchable data-testid="case-form-exploitation" {...form.getInputProps('exploitationForms')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <MultiSelect label={t('cases.field.sexExploitationTypes')} data={codeOptions(intl, CODE_PREFIX.sexExploitation, SEX_EXPLOITATION_TYPES)} data-testid="case-form-sex-exploitation" {...form.getInputProps('sexExploitationTypes')} />
            <Select label={t('cases.field.forcedLabourIndustry')} data={codeOptions(intl, CODE_PREFIX.industry, FORCED_LABOUR_INDUSTRIES)} searchable clearable data-testid="case-form-industry" {...form.getInputProps('forcedLabourIndustry')} />
            <Select label={t('cases.field.traffickingScope')} data={codeOptions(intl, CODE_PREFIX.scope, TRAFFICKING_SCOPES)} clearable data-testid="case-form-scope" {...form.getInputProps('traffickingScope')} />
            <Select label={t('cases.field.relationship')} data={codeOptions(intl, CODE_PREFIX.relationship, RELATIONSHIPS_TO_TRAFFICKER)} clearable data-testid="case-form-relationship" {...form.getInputProps('relationshipToTrafficker')} />
            <NumberInput label={t('cases.field.ageWhenTrafficked')} min={0} max={120} allowDecimal={false} data-testid="case-form-age-trafficked" {...form.getInputProps('ageWhenTrafficked')} />
          </SimpleGrid>
        </Stack>
      </Fieldset>

      <Fieldset legend={t('cases.section.recruitment')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <MultiSelect label={t('cases.field.recruitmentMethods')} data={codeOptions(intl, CODE_PREFIX.recruitmentMethod, RECRUITMENT_METHODS)} searchable data-testid="case-form-recruitment" {...form.getInputProps('recruitmentMethods')} />
          <MultiSelect label={t('cases.field.controlMethods')} data={codeOptions(intl, CODE_PREFIX.controlMethod, CONTROL_METHODS)} searchable data-testid="case-form-control" {...form.getInputProps('controlMethods')} />
          <MultiSelect label={t('cases.field.recruitmentWebsites')} data={websites} data-testid="case-form-recruitment-websites" {...form.getInputProps('recruitmentWebsites')} />
          <MultiSelect label={t('cases.field.exploitationWebsites')} data={websites} data-testid="case-form-exploitation-websites" {...form.getInputProps('exploitationWebsites')} />
        </SimpleGrid>
      </Fieldset>

      <Fieldset legend={t('cases.section.situation')}>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select label={t('cases.field.migrantStatus')} data={codeOptions(intl, CODE_PREFIX.migrantStatus, MIGRANT_STATUSES)} clearable data-testid="case-form-migrant-status" {...form.getInputProps('migrantStatus')} />
          <Select
            label={t('cases.field.region')}
            data={regionOptions(locale)}
            clearable
            data-testid="case-form-region"
            {...regionInput}
            onChange={(region) => {
              regionInput.onChange(region);
              // A province from another region would be refused by the server.
              if (values.province && !provinceOptions(region, locale).some((p) => p.value === values.province)) form.setFieldValue('province', null);
            }}
          />
          <Select label={t('cases.field.province')} data={provinceOptions(values.region, locale)} searchable clearable data-testid="case-form-province" {...form.getInputProps('province')} />
        </SimpleGrid>
      </Fieldset>

      <Fieldset legend={t('cases.section.protection')}>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select label={t('cases.field.riskLevel')} data={codeOptions(intl, CODE_PREFIX.riskLevel, RISK_LEVELS)} clearable data-testid="case-form-risk" {...form.getInputProps('riskLevel')} />
            <DayInput label={t('cases.field.reflectionStart')} data-testid="case-form-reflection-start" {...form.getInputProps('reflectionStart')} />
            <DayInput label={t('cases.field.reflectionEnd')} data-testid="case-form-reflection-end" {...form.getInputProps('reflectionEnd')} />
          </SimpleGrid>
          <NumberInput maw={280} label={t('cases.field.reflectionAlertDays')} min={0} max={90} allowDecimal={false} data-testid="case-form-reflection-alert" {...form.getInputProps('reflectionAlertDays')} />
          <Textarea label={t('cases.field.riskAssessment')} autosize minRows={2} data-testid="case-form-risk-assessment" {...form.getInputProps('riskAssessment')} />
          <Switch
            label={t('cases.field.nonPunishment')}
            description={t('cases.field.nonPunishmentHint')}
            data-testid="case-form-non-punishment"
            {...form.getInputProps('nonPunishment', { type: 'checkbox' })}
          />
          {values.nonPunishment && (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Select label={t('cases.field.nonPunishmentGround')} data={codeOptions(intl, CODE_PREFIX.nonPunishmentGround, NON_PUNISHMENT_GROUNDS)} clearable data-testid="case-form-non-punishment-ground" {...form.getInputProps('nonPunishmentGround')} />
              <Textarea label={t('cases.field.nonPunishmentNote')} autosize minRows={1} data-testid="case-form-non-punishment-note" {...form.getInputProps('nonPunishmentNote')} />
            </SimpleGrid>
          )}
        </Stack>
      </Fieldset>
    </Stack>
  );
}
