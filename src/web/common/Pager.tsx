import { Group, Pagination, Text } from '@mantine/core';
import { FormattedMessage, useIntl } from 'react-intl';

/** Page links plus "n results", under every paginated table. */
export function Pager({ page, pageSize, total, onChange }: { page: number; pageSize: number; total: number; onChange: (page: number) => void }) {
  const intl = useIntl();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <Group justify="space-between" mt="md">
      <Text size="sm" c="dimmed" data-testid="result-count">
        <FormattedMessage id="common.results" values={{ count: total }} />
      </Text>
      {pages > 1 && <Pagination total={pages} value={page} onChange={onChange}
          data-testid="pagination"
          getControlProps={(control) => ({ 'aria-label': intl.formatMessage({ id: `pagination.${control}` }) })}
        />}
    </Group>
  );
}
