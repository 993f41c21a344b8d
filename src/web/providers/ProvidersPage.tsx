import { Badge, Button, Group, Select, SimpleGrid, Table, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useNavigate, useParams } from 'react-router-dom';
import { providersApi, type Provider, type ProviderLanguage, type ServiceType, type TargetGroup } from '../../shared/api/providers';
import type { RegionCode } from '../../shared/geo/regions';
import { call } from '../api/call';
import { hasPermission, useMe } from '../api/session';
import { ErrorAlert } from '../common/ErrorAlert';
import { PageTitle } from '../common/PageTitle';
import { Pager } from '../common/Pager';
import { useLocale } from '../i18n/locale-context';
import { BedsBadge } from './BedsBadge';
import { languageOptions, regionLabel, regionOptions, serviceOptions, targetGroupOptions, type Option } from './labels';
import { MyShelters } from './MyShelters';
import { ProviderDrawer } from './ProviderDrawer';
import { ProviderFormModal } from './ProviderFormModal';

const PAGE_SIZE = 25;

interface Filters {
  service: ServiceType | null;
  region: RegionCode | null;
  targetGroup: TargetGroup | null;
  language: ProviderLanguage | null;
}

const NO_FILTERS: Filters = { service: null, region: null, targetGroup: null, language: null };

/** The chosen filters as query parameters (a cleared filter is left out). */
function filterQuery({ service, region, targetGroup, language }: Filters) {
  return { service: service ?? undefined, region: region ?? undefined, targetGroup: targetGroup ?? undefined, language: language ?? undefined };
}

/** The service directory: filter by need, open a card, update one's beds, and (administrators) keep it current. */
export function ProvidersPage() {
  const intl = useIntl();
  const { locale } = useLocale();
  const me = useMe().data;
  const navigate = useNavigate();
  const openId = useParams().id ?? null;
  const queryClient = useQueryClient();
  const [page, setPage] = useState(1);
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [editing, setEditing] = useState<Provider | 'new' | null>(null);

  const providers = useQuery({
    queryKey: ['providers', 'list', page, filters, q],
    queryFn: () => call(providersApi.list, { query: { page, pageSize: PAGE_SIZE, q: q || undefined, ...filterQuery(filters) } }),
    placeholderData: keepPreviousData,
  });

  const setFilter = (changed: Partial<Filters>) => {
    setFilters((current) => ({ ...current, ...changed }));
    setPage(1);
  };
  const label = (id: string) => intl.formatMessage({ id });
  const filtering = q !== '' || Object.values(filters).some(Boolean);
  const filterSelect = <Code extends string>(key: keyof Filters, labelId: string, data: Option<Code>[], value: Code | null, onChange: (value: Code | null) => void) => (
    <Select
      label={label(labelId)}
      placeholder={label('providers.filter.any')}
      data={data}
      value={value}
      onChange={onChange}
      clearable
      searchable
      data-testid={`providers-filter-${key}`}
    />
  );

  return (
    <>
      <PageTitle id="providers.title">
        {hasPermission(me, 'provider.create') && (
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')} data-testid="provider-create">
            <FormattedMessage id="providers.create" />
          </Button>
        )}
      </PageTitle>
      {hasPermission(me, 'provider.updateCapacity') && <MyShelters />}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 5 }} mb="md">
        <TextInput
          type="search"
          label={label('providers.search')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={search}
          onChange={(event) => {
            setSearch(event.currentTarget.value);
            setPage(1);
          }}
          data-testid="providers-search"
        />
        {filterSelect('service', 'providers.filter.service', serviceOptions(intl), filters.service, (service) => setFilter({ service }))}
        {filterSelect('region', 'providers.filter.region', regionOptions(locale), filters.region, (region) => setFilter({ region }))}
        {filterSelect('targetGroup', 'providers.filter.targetGroup', targetGroupOptions(intl), filters.targetGroup, (targetGroup) => setFilter({ targetGroup }))}
        {filterSelect('language', 'providers.filter.language', languageOptions(intl), filters.language, (language) => setFilter({ language }))}
      </SimpleGrid>
      <ErrorAlert error={providers.error} />
      <Table.ScrollContainer minWidth={900} type="native">
        <Table striped highlightOnHover data-testid="providers-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{label('providers.column.name')}</Table.Th>
              <Table.Th>{label('providers.column.agency')}</Table.Th>
              <Table.Th>{label('providers.column.services')}</Table.Th>
              <Table.Th>{label('providers.column.regions')}</Table.Th>
              <Table.Th>{label('providers.column.beds')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {providers.data?.items.map((p) => (
              <Table.Tr key={p.id} data-testid="provider-row" data-id={p.id} style={{ opacity: p.active ? 1 : 0.6 }}>
                <Table.Td>
                  <UnstyledButton
                    onClick={() => navigate(`/providers/${p.id}`)}
                    aria-label={intl.formatMessage({ id: 'providers.open' }, { name: p.name })}
                    data-testid="provider-open"
                  >
                    <Text fw={600} c="blue">
                      <bdi>{p.name}</bdi>
                    </Text>
                  </UnstyledButton>
                  {p.city && (
                    <Text size="xs" c="dimmed">
                      <bdi>{p.city}</bdi>
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <bdi>{p.agencyName}</bdi>
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {p.services.map((code) => (
                      <Badge key={code} variant="light" size="sm">
                        <FormattedMessage id={`serviceType.${code}`} />
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">
                    {p.servesNationally ? label('providers.nationwide') : p.regions.map((code) => regionLabel(code, locale)).join(locale === 'ar' ? '، ' : ', ')}
                  </Text>
                </Table.Td>
                <Table.Td>{p.services.includes('shelter') ? <BedsBadge capacity={p.capacity} /> : null}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {providers.data?.items.length === 0 && (
        <Text c="dimmed" ta="center" py="lg" data-testid="providers-empty">
          <FormattedMessage id={filtering ? 'providers.noMatch' : 'providers.empty'} />
        </Text>
      )}
      {providers.data && <Pager page={page} pageSize={PAGE_SIZE} total={providers.data.total} onChange={setPage} />}
      <ProviderDrawer id={openId} onClose={() => navigate('/providers')} onEdit={(provider) => setEditing(provider)} />
      {editing && (
        <ProviderFormModal
          provider={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            void queryClient.invalidateQueries({ queryKey: ['providers'] });
            notifications.show({ color: 'teal', message: label('providers.saved') });
          }}
        />
      )}
    </>
  );
}
