import { SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useIntl } from 'react-intl';
import { VULNERABLE_GROUPS } from '../../shared/api/screening';
import { REGION_CODES } from '../../shared/geo/regions';
import { useLocale } from '../i18n/locale-context';
import { provinceOptions, regionOptions } from '../cases/labels';
import { codeIn, type ScreeningDraft } from './draft';

interface StepProps {
  draft: ScreeningDraft;
  onChange: (draft: ScreeningDraft) => void;
  errors: readonly string[];
}

/** Step 1: why and where the person is screened (a reactive call, or a proactive campaign among a vulnerable group). */
export function ContextStep({ draft, onChange, errors }: StepProps) {
  const intl = useIntl();
  const { locale } = useLocale();
  const t = (id: string) => intl.formatMessage({ id });
  const set = <K extends keyof ScreeningDraft>(key: K, value: ScreeningDraft[K]) => onChange({ ...draft, [key]: value });
  const required = (field: string) => (errors.includes(field) ? t('screening.validation.required') : null);

  return (
    <Stack>
      <div>
        <Text size="sm" fw={500} mb={4} id="screening-context-label">
          {t('screening.context')}
        </Text>
        <SegmentedControl
          fullWidth
          aria-labelledby="screening-context-label"
          value={draft.context}
          onChange={(value) => set('context', value as ScreeningDraft['context'])}
          data={[
            { value: 'reactive', label: t('screening.context.reactive') },
            { value: 'proactive', label: t('screening.context.proactive') },
          ]}
          data-testid="screening-context"
        />
        <Text size="xs" c="dimmed" mt={4}>
          {t(`screening.contextHelp.${draft.context}`)}
        </Text>
      </div>
      {draft.context === 'proactive' && (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('screening.campaignName')}
            placeholder={t('screening.campaignName.placeholder')}
            withAsterisk
            value={draft.campaignName}
            error={required('campaignName')}
            onChange={(event) => set('campaignName', event.currentTarget.value)}
            data-testid="screening-campaign"
          />
          <Select
            label={t('screening.vulnerableGroup')}
            withAsterisk
            data={VULNERABLE_GROUPS.map((g) => ({ value: g, label: t(`screening.group.${g}`) }))}
            value={draft.vulnerableGroup}
            error={required('vulnerableGroup')}
            onChange={(value) => set('vulnerableGroup', value)}
            data-testid="screening-group"
          />
        </SimpleGrid>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t('screening.place')} description={t('screening.place.help')} value={draft.place} onChange={(event) => set('place', event.currentTarget.value)} data-testid="screening-place" />
        <TextInput type="date" label={t('screening.date')} value={draft.screenedOn} max={new Date().toISOString().slice(0, 10)} onChange={(event) => set('screenedOn', event.currentTarget.value)} data-testid="screening-date" />
        <Select
          label={t('screening.region')}
          data={regionOptions(locale)}
          clearable
          value={draft.region}
          onChange={(value) => onChange({ ...draft, region: codeIn(REGION_CODES, value), province: null })}
          data-testid="screening-region"
        />
        <Select
          label={t('screening.province')}
          data={provinceOptions(draft.region, locale)}
          searchable
          clearable
          value={draft.province}
          onChange={(value) => set('province', value)}
          data-testid="screening-province"
        />
      </SimpleGrid>
    </Stack>
  );
}
