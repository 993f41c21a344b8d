import { Anchor, Badge, Button, Group, Loader, Table, Text } from '@mantine/core';
import { IconCopy } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useIntl } from 'react-intl';
import { Link } from 'react-router-dom';
import { indicatorSetsApi } from '../../../shared/api/screening';
import { call } from '../../api/call';
import { ErrorAlert } from '../../common/ErrorAlert';
import { PageTitle } from '../../common/PageTitle';
import { formatMoment } from '../../cases/labels';

/**
 * The versions of the identification indicators, newest first. The active one
 * (the newest) is what new screenings use; a change is made as a new version,
 * copied from the active one, so past screenings keep the questions they were asked.
 */
export function IndicatorSetsPage() {
  const intl = useIntl();
  const t = (id: string) => intl.formatMessage({ id });
  const versions = useQuery({ queryKey: ['indicator-sets', 'versions'], queryFn: () => call(indicatorSetsApi.versions) });

  return (
    <>
      <PageTitle id="indicatorSets.title">
        <Button component={Link} to="/admin/indicator-sets/new" leftSection={<IconCopy size={16} aria-hidden />} data-testid="indicator-sets-new">
          {t('indicatorSets.newVersion')}
        </Button>
      </PageTitle>
      <Text size="sm" c="dimmed" mb="md">
        {t('indicatorSets.help')}
      </Text>
      {versions.isPending ? (
        <Loader />
      ) : versions.error ? (
        <ErrorAlert error={versions.error} />
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped data-testid="indicator-sets-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('indicatorSets.column.version')}</Table.Th>
                <Table.Th>{t('indicatorSets.column.changeNote')}</Table.Th>
                <Table.Th>{t('indicatorSets.column.created')}</Table.Th>
                <Table.Th>{t('indicatorSets.column.indicators')}</Table.Th>
                <Table.Th>{t('indicatorSets.column.screenings')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {versions.data.items.map((version) => (
                <Table.Tr key={version.id} data-testid={`indicator-set-${version.version}`} data-current={version.isCurrent}>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Anchor component={Link} to={`/admin/indicator-sets/${version.id}`}>
                        {intl.formatMessage({ id: 'screening.indicatorVersion.value' }, { version: version.version })}
                      </Anchor>
                      {version.isCurrent && (
                        <Badge color="teal" size="sm">
                          {t('indicatorSets.active')}
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>{version.changeNote ?? '—'}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{formatMoment(intl, version.createdAt)}</Text>
                    <Text size="xs" c="dimmed">
                      {version.createdByName ?? t('indicatorSets.system')}
                    </Text>
                  </Table.Td>
                  <Table.Td>{intl.formatNumber(version.indicatorCount)}</Table.Td>
                  <Table.Td>{intl.formatNumber(version.screeningCount)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </>
  );
}
