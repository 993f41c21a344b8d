import { Anchor, Group, Skeleton, Stack, Text, UnstyledButton } from '@mantine/core';
import type { ReactNode } from 'react';
import { FormattedMessage } from 'react-intl';
import { Link, useNavigate } from 'react-router-dom';
import { ErrorAlert } from '../common/ErrorAlert';

/** One line of a work list: what it is, its badges, when, and where it opens. */
export interface WorkRow {
  id: string;
  to: string | null;
  primary: ReactNode;
  badges?: ReactNode;
  secondary?: ReactNode;
}

/** Work-list lines as links; sorting and paging were done by the server. */
export function WorkRows({ rows }: { rows: WorkRow[] }) {
  const navigate = useNavigate();
  return (
    <Stack gap={4} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {rows.map((row) => {
        const body = (
          <Group justify="space-between" wrap="nowrap" gap="xs">
            <Stack gap={0} style={{ minWidth: 0 }}>
              <Text size="sm" fw={600} truncate>
                {row.primary}
              </Text>
              {row.secondary && (
                <Text size="xs" c="dimmed">
                  {row.secondary}
                </Text>
              )}
            </Stack>
            {row.badges && (
              <Group gap={4} wrap="nowrap">
                {row.badges}
              </Group>
            )}
          </Group>
        );
        return (
          <li key={row.id}>
            {row.to ? (
              <UnstyledButton
                w="100%"
                p={6}
                style={{ borderRadius: 'var(--mantine-radius-sm)', border: '1px solid var(--mantine-color-default-border)' }}
                onClick={() => navigate(row.to!)}
                data-testid="worklist-row"
                data-id={row.id}
              >
                {body}
              </UnstyledButton>
            ) : (
              <div data-testid="worklist-row" data-id={row.id} style={{ padding: 6 }}>
                {body}
              </div>
            )}
          </li>
        );
      })}
    </Stack>
  );
}

/**
 * A titled block of one work list with its total; the title and "see all" open the full list with
 * the block's filter (`allTo` carries it in the URL). Hides itself while empty so the section can
 * fall back to its empty state.
 */
export function WorkBlock({
  titleId,
  query,
  total,
  rows,
  allTo,
  testId,
}: {
  titleId: string;
  query: { isPending: boolean; error: unknown };
  total: number;
  rows: WorkRow[];
  allTo?: string;
  testId: string;
}) {
  if (query.isPending) return <Skeleton height={80} radius="sm" />;
  if (query.error) return <ErrorAlert error={query.error} />;
  if (rows.length === 0) return null;
  return (
    <Stack gap={6} data-testid={testId}>
      <Group justify="space-between">
        {allTo ? (
          <Anchor component={Link} to={allTo} size="sm" fw={700} c="inherit" data-testid="worklist-block-title">
            <FormattedMessage id={titleId} values={{ count: total }} />
          </Anchor>
        ) : (
          <Text size="sm" fw={700}>
            <FormattedMessage id={titleId} values={{ count: total }} />
          </Text>
        )}
        {allTo && (
          <Anchor component={Link} to={allTo} size="sm" data-testid="worklist-see-all">
            <FormattedMessage id="worklist.seeAll" />
          </Anchor>
        )}
      </Group>
      <WorkRows rows={rows} />
    </Stack>
  );
}
