import { Paper, SimpleGrid, Text } from '@mantine/core';
import { Link } from 'react-router-dom';

/** One figure on a role's home, and the list (with the figure's filter) it opens. */
export interface Tile {
  id: string;
  label: string;
  value: string;
  detail?: string;
  alert?: boolean;
  /** The list behind the figure, its filter in the URL (the list shows it, removable). */
  to: string;
}

/** Figures as links: every tile opens the list behind it, filtered as the tile counts. */
export function HomeTiles({ tiles, testId }: { tiles: Tile[]; testId: string }) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} data-testid={testId}>
      {tiles.map((tile) => (
        <Paper
          key={tile.id}
          component={Link}
          to={tile.to}
          withBorder
          p="sm"
          radius="sm"
          data-testid="worklist-tile"
          data-id={tile.id}
          style={{ textDecoration: 'none', color: 'inherit', display: 'block' }}
        >
          <Text size="xs" c="dimmed">
            {tile.label}
          </Text>
          <Text size="xl" fw={700} c={tile.alert ? 'red.7' : undefined} data-testid="worklist-tile-value">
            {tile.value}
          </Text>
          {tile.detail && (
            <Text size="xs" c="dimmed">
              {tile.detail}
            </Text>
          )}
        </Paper>
      ))}
    </SimpleGrid>
  );
}
