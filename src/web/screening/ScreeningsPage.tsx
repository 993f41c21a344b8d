import { Anchor, Badge, Button, EmptyState, Group, Select, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconClipboardCheck, IconPlus, IconSearch } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link } from 'react-router-dom';
import { SCREENING_CONTEXTS, SCREENING_OUTCOMES, screeningsApi, type ScreeningContext, type ScreeningOutcome } from '../../shared/api/screening';
import { call } from '../api/call';
import { hasPermission, useMe } from '../api/session';
import { ErrorAlert } from '../common/ErrorAlert';
import { PageTitle } from '../common/PageTitle';
import { Pager } from '../common/Pager';
import { useLocale } from '../i18n/locale-context';
import { countryLabel, formatDay, regionLabel } from '../cases/labels';
import { OUTCOME_COLOR } from './labels';
import { screeningKeys } from './screeningApi';

const PAGE_SIZE = 25;

/** The agency's screenings (no identities), newest first, filtered by outcome and context. */
export function ScreeningsPage() {
  const intl = useIntl();
  const { locale } = useLocale();
  const me = useMe().data;
  const t = (id: string) => intl.formatMessage({ id });
  const [page, setPage] = useState(1);
  const [outcome, setOutcome] = useState<ScreeningOutcome | null>(null);
  const [context, setContext] = useState<ScreeningContext | null>(null);
  const [referenceInput, setReferenceInput] = useState('');
  const [typed] = useDebouncedValue(referenceInput.trim(), 300);
  // A reference holds letters, digits and hyphens only (the server takes nothing else): the rest is dropped.
  const reference = typed.replace(/[^A-Za-z0-9-]/g, '').slice(0, 40) || undefined;
  const params = { page, pageSize: PAGE_SIZE, outcome, context, reference };
  const list = useQuery({
    queryKey: screeningKeys.list(params),
    queryFn: () => call(screeningsApi.list, { query: { page, pageSize: PAGE_SIZE, outcome: outcome ?? undefined, context: context ?? undefined, reference } }),
    placeholderData: keepPreviousData,
  });
  const filtered = Boolean(outcome || context || typed);

  return (
    <>
      <PageTitle id="screening.list.title">
        {hasPermission(me, 'screening.create') && (
          <Button component={Link} to="/screenings/new" leftSection={<IconPlus size={16} aria-hidden />} data-testid="screening-new">
            {t('screening.new')}
          </Button>
        )}
      </PageTitle>
      <Group align="flex-start" mb="md" wrap="wrap">
        <TextInput
          w={240}
          type="search"
          label={t('caseList.screeningReference')}
          description={t('caseList.screeningReferenceHelp')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={referenceInput}
          onChange={(event) => {
            setReferenceInput(event.currentTarget.value);
            setPage(1);
          }}
          data-testid="screenings-search-reference"
        />
        <Select
          w={240}
          label={t('screening.filter.outcome')}
          placeholder={t('screening.filter.any')}
          data={SCREENING_OUTCOMES.map((o) => ({ value: o, label: t(`screening.outcome.${o}`) }))}
          clearable
          value={outcome}
          onChange={(value) => {
            setOutcome(value);
            setPage(1);
          }}
          data-testid="screenings-filter-outcome"
        />
        <Select
          w={200}
          label={t('screening.filter.context')}
          placeholder={t('screening.filter.any')}
          data={SCREENING_CONTEXTS.map((c) => ({ value: c, label: t(`screening.context.${c}`) }))}
          clearable
          value={context}
          onChange={(value) => {
            setContext(value);
            setPage(1);
          }}
          data-testid="screenings-filter-context"
        />
      </Group>
      <ErrorAlert error={list.error} />
      <Table.ScrollContainer minWidth={900} type="native">
        <Table striped highlightOnHover data-testid="screenings-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('screening.column.reference')}</Table.Th>
              <Table.Th>{t('screening.column.outcome')}</Table.Th>
              <Table.Th>{t('screening.column.date')}</Table.Th>
              <Table.Th>{t('screening.column.context')}</Table.Th>
              <Table.Th>{t('screening.column.region')}</Table.Th>
              <Table.Th>{t('screening.column.person')}</Table.Th>
              <Table.Th>{t('screening.column.case')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data?.items.map((item) => {
              const shown: ScreeningOutcome = item.outcome ?? item.suggestedOutcome;
              return (
                <Table.Tr key={item.id} data-testid="screening-row" data-id={item.id} data-outcome={shown}>
                  <Table.Td>
                    <Anchor component={Link} to={`/screenings/${item.id}`} fw={600}>
                      <bdi>{item.reference}</bdi>
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Badge color={OUTCOME_COLOR[shown]} variant={item.decisionStatus === 'pending' ? 'outline' : 'filled'}>
                      {t(`screening.outcome.${shown}`)}
                    </Badge>
                    {item.decisionStatus === 'pending' && (
                      <Text size="xs" c="dimmed">
                        {t('screening.decision.pending')}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{formatDay(intl, item.screenedOn)}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{t(`screening.context.${item.context}`)}</Text>
                    {item.vulnerableGroup && (
                      <Text size="xs" c="dimmed">
                        {t(`screening.group.${item.vulnerableGroup}`)}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{regionLabel(item.region, locale)}</Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {t(`screening.ageBand.${item.ageBand}`)}
                      {' · '}
                      {t(`screening.sex.${item.sex}`)}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {countryLabel(intl, item.nationality)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {item.caseId ? (
                      <Anchor component={Link} to={`/cases/${item.caseId}`} size="sm">
                        {t('screening.case.view')}
                      </Anchor>
                    ) : (
                      '—'
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {list.data?.items.length === 0 && (
        <EmptyState
          py="xl"
          icon={<IconClipboardCheck size={32} aria-hidden />}
          withIndicatorBackground
          title={t(filtered ? 'screening.list.noMatch' : 'screening.list.empty')}
          description={t(filtered ? 'screening.list.noMatchHelp' : 'screening.list.emptyHelp')}
          data-testid="screenings-empty"
        />
      )}
      {list.data && <Pager page={page} pageSize={PAGE_SIZE} total={list.data.total} onChange={setPage} />}
      {list.isPending && (
        <Text c="dimmed" ta="center" py="lg">
          <FormattedMessage id="screening.loading" />
        </Text>
      )}
    </>
  );
}
