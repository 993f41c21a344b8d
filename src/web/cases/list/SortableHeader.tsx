import { Group, Table, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconSelector } from '@tabler/icons-react';
import { useIntl } from 'react-intl';
import type { CaseSort } from '../../../shared/api/cases';

export interface SortState {
  sort: CaseSort;
  order: 'asc' | 'desc';
}

/** The next sort after a click: the same column turns around; another starts newest first for dates, A→Z otherwise. */
export function nextSort(current: SortState, column: CaseSort): SortState {
  if (current.sort === column) return { sort: column, order: current.order === 'asc' ? 'desc' : 'asc' };
  return { sort: column, order: column === 'openedAt' ? 'desc' : 'asc' };
}

/** A column header that sorts the list, announcing its state to screen readers (aria-sort). */
export function SortableHeader({ column, label, state, onSort }: { column: CaseSort; label: string; state: SortState; onSort: (next: SortState) => void }) {
  const intl = useIntl();
  const active = state.sort === column;
  const Icon = !active ? IconSelector : state.order === 'asc' ? IconArrowUp : IconArrowDown;
  return (
    <Table.Th aria-sort={active ? (state.order === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <UnstyledButton
        onClick={() => onSort(nextSort(state, column))}
        aria-label={intl.formatMessage({ id: 'caseList.sortBy' }, { column: label })}
        data-testid={`cases-sort-${column}`}
        fw={active ? 700 : 600}
        fz="sm"
      >
        <Group gap={4} wrap="nowrap">
          {label}
          <Icon size={14} aria-hidden />
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}
