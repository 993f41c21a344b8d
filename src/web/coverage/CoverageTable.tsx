import { Group, Progress, Table, Text } from '@mantine/core';
import { useIntl } from 'react-intl';

export interface CoverageLine {
  key: string;
  label: string;
  count: number;
}

/**
 * One breakdown of the coverage: a Mantine table whose bars are Mantine Progress,
 * sized against the total (no chart library in the project). Counts only.
 */
export function CoverageTable({ title, dimension, lines, total, testId }: { title: string; dimension: string; lines: CoverageLine[]; total: number; testId: string }) {
  const intl = useIntl();
  const t = (id: string) => intl.formatMessage({ id });
  return (
    <Table.ScrollContainer minWidth={420}>
      <Table data-testid={testId} captionSide="top">
        <Table.Caption>{title}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{dimension}</Table.Th>
            <Table.Th ta="end" w={110}>
              {t('coverage.column.count')}
            </Table.Th>
            <Table.Th w="40%">{t('coverage.column.share')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lines.map((line) => {
            const share = total > 0 ? line.count / total : 0;
            return (
              <Table.Tr key={line.key} data-testid={`${testId}-${line.key}`} data-count={line.count}>
                <Table.Td>{line.label}</Table.Td>
                <Table.Td ta="end">{intl.formatNumber(line.count)}</Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Progress value={share * 100} style={{ flex: 1 }} aria-label={line.label} />
                    <Text size="xs" c="dimmed" w={48} ta="end">
                      {intl.formatNumber(share, { style: 'percent', maximumFractionDigits: 0 })}
                    </Text>
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
