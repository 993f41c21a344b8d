import { Badge, Text } from '@mantine/core';
import { FormattedMessage } from 'react-intl';
import type { ShelterCapacity } from '../../shared/api/providers';

/** Free beds at a glance: green when there is room, red when full, grey when never reported. */
export function BedsBadge({ capacity }: { capacity: ShelterCapacity | null }) {
  if (!capacity) {
    return (
      <Text size="sm" c="dimmed">
        <FormattedMessage id="providers.capacity.unknown" />
      </Text>
    );
  }
  const full = capacity.freeBeds <= 0;
  return (
    <Badge color={full ? 'red' : 'teal'} variant="light" data-testid="beds-badge">
      {full ? <FormattedMessage id="providers.capacity.full" /> : <FormattedMessage id="providers.capacity.free" values={{ count: capacity.freeBeds }} />}
    </Badge>
  );
}
