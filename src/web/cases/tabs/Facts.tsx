import { DataList, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useIntl } from 'react-intl';

/** Label/value pairs of a record; empty values read as a dash. */
export function Facts({ items, testId }: { items: [labelId: string, value: ReactNode][]; testId?: string }) {
  const intl = useIntl();
  return (
    <DataList labelWidth={240} withDivider data-testid={testId}>
      {items.map(([labelId, value]) => (
        <DataList.Item key={labelId}>
          <DataList.ItemLabel>{intl.formatMessage({ id: labelId })}</DataList.ItemLabel>
          <DataList.ItemValue>{value === null || value === undefined || value === '' ? '—' : value}</DataList.ItemValue>
        </DataList.Item>
      ))}
    </DataList>
  );
}

/** A list of labels joined for reading, or a dash. */
export function joined(values: readonly string[]): string {
  return values.length ? values.join(' · ') : '—';
}

/** Text someone typed, in whatever language: its own direction, line breaks kept. */
export function FreeText({ text }: { text: string }) {
  return (
    <Text component="span" size="sm" dir="auto" style={{ whiteSpace: 'pre-wrap', display: 'block' }}>
      {text}
    </Text>
  );
}
