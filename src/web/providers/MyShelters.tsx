import { Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { FormattedMessage } from 'react-intl';
import { providersApi } from '../../shared/api/providers';
import { call } from '../api/call';
import { useMe } from '../api/session';
import { BedsBadge } from './BedsBadge';
import { CapacityForm } from './CapacityForm';

/** A shelter's own service points with their bed forms, so updating beds is one step from the directory. */
export function MyShelters() {
  const me = useMe().data;
  const agencyId = me?.user.agency.id;
  const mine = useQuery({
    queryKey: ['providers', 'mine', agencyId],
    queryFn: () => call(providersApi.list, { query: { agencyId, service: 'shelter', pageSize: 50 } }),
    enabled: Boolean(agencyId),
  });
  const shelters = (mine.data?.items ?? []).filter((p) => p.allowedActions.includes('provider.updateCapacity'));
  if (shelters.length === 0) return null;
  return (
    <Stack mb="lg" component="section" aria-labelledby="my-shelters" data-testid="my-shelters">
      <Title order={2} size="h4" id="my-shelters">
        <FormattedMessage id="providers.mine.title" />
      </Title>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        {shelters.map((shelter) => (
          <Paper key={shelter.id} withBorder p="md" radius="md" data-testid="my-shelter">
            <Group justify="space-between" mb="sm">
              <Text fw={600}>
                <bdi>{shelter.name}</bdi>
              </Text>
              <BedsBadge capacity={shelter.capacity} />
            </Group>
            <CapacityForm key={shelter.id} provider={shelter} />
          </Paper>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
