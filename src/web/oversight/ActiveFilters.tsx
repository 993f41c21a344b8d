import { Group, Pill, Text } from '@mantine/core';
import { useIntl } from 'react-intl';

export interface ActiveFilter {
  /** The URL parameter it comes from (also its test id: `active-filter-<key>`). */
  key: string;
  label: string;
}

/**
 * The filters a list was opened with (a home tile's), shown above it and each removable: "view all"
 * keeps the filter of the card it came from, and the reader sees it and can take it off.
 */
export function ActiveFilters({ filters, onRemove }: { filters: ActiveFilter[]; onRemove: (key: string) => void }) {
  const intl = useIntl();
  if (filters.length === 0) {
    return (
      <Text size="sm" c="dimmed" mb="sm" data-testid="active-filters-none">
        {intl.formatMessage({ id: 'oversight.filter.none' })}
      </Text>
    );
  }
  return (
    <Group gap="xs" mb="sm" data-testid="active-filters">
      <Text size="sm" c="dimmed">
        {intl.formatMessage({ id: 'oversight.filter.label' })}
      </Text>
      {filters.map((filter) => (
        <Pill
          key={filter.key}
          size="md"
          withRemoveButton
          onRemove={() => onRemove(filter.key)}
          removeButtonProps={{ 'aria-label': intl.formatMessage({ id: 'oversight.filter.remove' }, { filter: filter.label }) }}
          data-testid={`active-filter-${filter.key}`}
        >
          {filter.label}
        </Pill>
      ))}
    </Group>
  );
}
