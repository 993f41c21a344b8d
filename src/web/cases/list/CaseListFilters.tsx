import { Group, Select, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useIntl } from 'react-intl';
import { CASE_STATUSES } from '../../../shared/htcds/case';
import { useLocale } from '../../i18n/locale-context';
import { CaseDatesProvider, DayInput } from '../CaseDates';
import { CODE_PREFIX, codeOptions, regionOptions } from '../labels';

export interface ListFilterValues {
  search: string;
  status: string | null;
  region: string | null;
  openedFrom: string | null;
  openedTo: string | null;
}

/** The case list's search and filters; every change goes back to the first page (the caller's onChange). */
export function CaseListFilters({ values, onChange }: { values: ListFilterValues; onChange: (next: Partial<ListFilterValues>) => void }) {
  const intl = useIntl();
  const { locale } = useLocale();
  const t = (id: string) => intl.formatMessage({ id });
  return (
    <CaseDatesProvider>
      <Group align="flex-end" wrap="wrap">
        <TextInput
          w={340}
          type="search"
          label={t('cases.search')}
          aria-describedby="cases-search-help"
          leftSection={<IconSearch size={16} aria-hidden />}
          value={values.search}
          onChange={(event) => onChange({ search: event.currentTarget.value })}
          data-testid="cases-search"
        />
        <Select
          w={200}
          label={t('cases.filter.status')}
          placeholder={t('cases.filter.any')}
          data={codeOptions(intl, CODE_PREFIX.caseStatus, CASE_STATUSES)}
          clearable
          value={values.status}
          onChange={(status) => onChange({ status })}
          data-testid="cases-filter-status"
        />
        <Select
          w={260}
          label={t('cases.filter.region')}
          placeholder={t('cases.filter.any')}
          data={regionOptions(locale)}
          clearable
          value={values.region}
          onChange={(region) => onChange({ region })}
          data-testid="cases-filter-region"
        />
        <DayInput
          w={170}
          label={t('caseList.openedFrom')}
          value={values.openedFrom}
          maxDate={values.openedTo ?? undefined}
          onChange={(openedFrom) => onChange({ openedFrom })}
          data-testid="cases-filter-opened-from"
        />
        <DayInput
          w={170}
          label={t('caseList.openedTo')}
          value={values.openedTo}
          minDate={values.openedFrom ?? undefined}
          onChange={(openedTo) => onChange({ openedTo })}
          data-testid="cases-filter-opened-to"
        />
      </Group>
    </CaseDatesProvider>
  );
}
