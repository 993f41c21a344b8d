import { Group, Select, TextInput } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { useIntl } from 'react-intl';
import { AUDIT_OUTCOMES, type AuditListQuery } from '../../shared/api/admin';
import { CaseDatesProvider } from '../cases/CaseDates';
import { actionOptions, resourceTypeOptions } from './auditLabels';

export type AuditFilterValues = Omit<AuditListQuery, 'page' | 'pageSize'>;

const day = (value: Date | string | null) => (value ? dayjs(value).format('YYYY-MM-DD') : undefined);

/** The auditor's filters: pickers with labels, never codes to type; a period picked on a calendar. */
export function AuditFilters({ value, onChange }: { value: AuditFilterValues; onChange: (next: AuditFilterValues) => void }) {
  const intl = useIntl();
  const t = (id: string) => intl.formatMessage({ id });
  const actions = useMemo(() => actionOptions(intl), [intl]);
  const resourceTypes = useMemo(() => resourceTypeOptions(intl), [intl]);
  const outcomes = AUDIT_OUTCOMES.map((outcome) => ({ value: outcome, label: t(`audit.outcome.${outcome}`) }));
  const set = (patch: Partial<AuditFilterValues>) => onChange({ ...value, ...patch });
  return (
    <Group mb="md" align="flex-end" gap="sm" wrap="wrap">
      <Select
        label={t('audit.filter.action')}
        placeholder={t('auditTrail.filter.any')}
        data={actions}
        searchable
        clearable
        value={value.action ?? null}
        onChange={(action) => set({ action: action ?? undefined })}
        w={{ base: '100%', sm: 260 }}
        data-testid="audit-filter-action"
      />
      <TextInput
        label={t('audit.filter.actor')}
        description={t('auditTrail.filter.actorHelp')}
        value={value.actor ?? ''}
        onChange={(event) => set({ actor: event.currentTarget.value || undefined })}
        w={{ base: '100%', sm: 180 }}
        data-testid="audit-filter-actor"
      />
      <Select
        label={t('auditTrail.filter.resourceType')}
        placeholder={t('auditTrail.filter.any')}
        data={resourceTypes}
        clearable
        value={value.resourceType ?? null}
        onChange={(resourceType) => set({ resourceType: resourceType ?? undefined })}
        w={{ base: '100%', sm: 180 }}
        data-testid="audit-filter-resource-type"
      />
      <Select
        label={t('auditTrail.filter.outcome')}
        placeholder={t('auditTrail.filter.any')}
        data={outcomes}
        clearable
        value={value.outcome ?? null}
        onChange={(outcome) => set({ outcome: (outcome as AuditFilterValues['outcome']) ?? undefined })}
        w={{ base: '100%', sm: 150 }}
        data-testid="audit-filter-outcome"
      />
      <CaseDatesProvider>
        <DatePickerInput
          type="range"
          label={t('auditTrail.filter.period')}
          placeholder={t('auditTrail.filter.any')}
          valueFormat="DD/MM/YYYY"
          clearable
          allowSingleDateInRange
          maxDate={new Date()}
          value={[value.from ?? null, value.to ?? null]}
          onChange={([from, to]) => set({ from: day(from), to: day(to) })}
          w={{ base: '100%', sm: 240 }}
          data-testid="audit-filter-period"
        />
      </CaseDatesProvider>
    </Group>
  );
}
