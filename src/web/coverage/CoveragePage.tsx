import { Card, Center, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { IconChartBar } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { screeningsApi } from '../../shared/api/screening';
import { call } from '../api/call';
import { CaseDatesProvider } from '../cases/CaseDates';
import { regionLabel } from '../cases/labels';
import { ErrorAlert } from '../common/ErrorAlert';
import { PageTitle } from '../common/PageTitle';
import { useLocale } from '../i18n/locale-context';
import { CoverageTable } from './CoverageTable';

const day = (value: Date | string | null) => (value ? dayjs(value).format('YYYY-MM-DD') : undefined);

/**
 * Proactive screening coverage for the national coordinator and analysts: how
 * many people outreach teams screened among vulnerable groups, by region, agency
 * type, agency and outcome, over a chosen period. The server counts in SQL within
 * the reader's scope and sends counts only (a first responder sees their agency's).
 */
export function CoveragePage() {
  const intl = useIntl();
  const { locale } = useLocale();
  const t = (id: string) => intl.formatMessage({ id });
  const [range, setRange] = useState<{ from?: string; to?: string }>({});
  const coverage = useQuery({
    queryKey: ['screenings', 'coverage', 'proactive', range],
    queryFn: () => call(screeningsApi.proactiveCoverage, { query: range }),
    placeholderData: keepPreviousData,
  });

  const data = coverage.data;
  return (
    <>
      <PageTitle id="coverage.title" />
      <Text size="sm" c="dimmed" mb="md">
        {t('coverage.help')}
      </Text>
      <Group mb="md" align="flex-end">
        <CaseDatesProvider>
          <DatePickerInput
            type="range"
            label={t('coverage.period')}
            placeholder={t('coverage.period.any')}
            valueFormat="DD/MM/YYYY"
            clearable
            allowSingleDateInRange
            value={[range.from ?? null, range.to ?? null]}
            onChange={([from, to]) => setRange({ from: day(from), to: day(to) })}
            w={{ base: '100%', sm: 260 }}
            data-testid="coverage-period"
          />
        </CaseDatesProvider>
        {coverage.isFetching && <Loader size="sm" />}
      </Group>
      {coverage.error ? (
        <ErrorAlert error={coverage.error} />
      ) : !data ? (
        <Loader />
      ) : data.total === 0 ? (
        <Center py="xl" data-testid="coverage-empty">
          <Stack align="center" gap="xs">
            <IconChartBar size={40} aria-hidden />
            <Text fw={600}>{t('coverage.empty')}</Text>
            <Text size="sm" c="dimmed">
              {t('coverage.emptyHelp')}
            </Text>
          </Stack>
        </Center>
      ) : (
        <Stack>
          <Card withBorder padding="md">
            <Text size="sm" c="dimmed">
              {t('coverage.total')}
            </Text>
            <Title order={2} data-testid="coverage-total" data-count={data.total}>
              {intl.formatNumber(data.total)}
            </Title>
          </Card>
          <SimpleGrid cols={{ base: 1, lg: 2 }}>
            <CoverageTable
              testId="coverage-outcome"
              title={t('coverage.byOutcome')}
              dimension={t('coverage.column.outcome')}
              total={data.total}
              lines={data.byOutcome.map((row) => ({ key: row.outcome, label: t(`screening.outcome.${row.outcome}`), count: row.count }))}
            />
            <CoverageTable
              testId="coverage-region"
              title={t('coverage.byRegion')}
              dimension={t('coverage.column.region')}
              total={data.total}
              lines={data.byRegion.map((row) => ({ key: row.region ?? 'none', label: row.region ? regionLabel(row.region, locale) : t('coverage.noRegion'), count: row.count }))}
            />
            <CoverageTable
              testId="coverage-agency-type"
              title={t('coverage.byAgencyType')}
              dimension={t('coverage.column.agencyType')}
              total={data.total}
              lines={data.byAgencyType.map((row) => ({ key: row.agencyType, label: t(`agencyType.${row.agencyType}`), count: row.count }))}
            />
            <CoverageTable
              testId="coverage-agency"
              title={t('coverage.byAgency')}
              dimension={t('coverage.column.agency')}
              total={data.total}
              lines={data.byAgency.map((row) => ({ key: row.agencyId, label: `${row.agencyName} · ${t(`agencyType.${row.agencyType}`)}`, count: row.count }))}
            />
          </SimpleGrid>
        </Stack>
      )}
    </>
  );
}
