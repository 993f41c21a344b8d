import { Badge, Group, Paper, Radio, Skeleton, Stack, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { useIntl } from 'react-intl';
import type { ProviderMatch, ProviderMatchList } from '../../shared/api/providers';
import { ErrorAlert } from '../common/ErrorAlert';

/** Why a provider ranks where it does: each criterion with its points. */
function ScoreExplanation({ score }: { score: ProviderMatch['score'] }) {
  const intl = useIntl();
  const f = (id: string, values?: Record<string, string | number>) => intl.formatMessage({ id }, values);
  const criteria: { key: string; text: string; points: number; good: boolean | null }[] = [];
  if (score.region.match) criteria.push({ key: 'region', text: f(`referral.match.region.${score.region.match}`), points: score.region.points, good: score.region.match !== 'none' });
  if (score.targetGroup.match !== null) criteria.push({ key: 'targetGroup', text: f(score.targetGroup.match ? 'referral.match.targetGroup.yes' : 'referral.match.targetGroup.no'), points: score.targetGroup.points, good: score.targetGroup.match });
  if (score.language.match !== null) criteria.push({ key: 'language', text: f(score.language.match ? 'referral.match.language.yes' : 'referral.match.language.no'), points: score.language.points, good: score.language.match });
  if (score.capacity.freeBeds !== null) criteria.push({ key: 'beds', text: f('referral.match.freeBeds', { count: score.capacity.freeBeds }), points: score.capacity.points, good: score.capacity.freeBeds > 0 });
  return (
    <Group gap={4} data-testid="referral-score">
      <Badge variant="filled" color="blue">
        {f('referral.match.points', { points: score.total })}
      </Badge>
      {criteria.map((c) => (
        <Badge key={c.key} variant="light" color={c.good ? 'teal' : 'gray'}>
          {`${c.text} (+${c.points})`}
        </Badge>
      ))}
    </Group>
  );
}

/** The matched providers, best first, one to choose. */
export function ProviderChoice({ matches, value, onChange }: { matches: UseQueryResult<ProviderMatchList>; value: string | null; onChange: (id: string) => void }) {
  const intl = useIntl();
  if (matches.isPending) return <Skeleton height={80} />;
  if (matches.error || !matches.data) return <ErrorAlert error={matches.error} />;
  if (matches.data.items.length === 0) return <Text c="dimmed">{intl.formatMessage({ id: 'referral.create.noProvider' })}</Text>;
  return (
    <Radio.Group label={intl.formatMessage({ id: 'referral.create.provider' })} description={intl.formatMessage({ id: 'referral.create.providerHint' })} value={value} onChange={onChange}>
      <Stack gap="xs" mt="xs">
        {matches.data.items.map((p, n) => (
          <Paper key={p.id} withBorder p="sm" radius="sm">
            <Radio
              value={p.id}
              data-testid={`referral-provider-${n}`}
              label={
                <Stack gap={2}>
                  <Text fw={600} size="sm">
                    {p.name}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {[p.agencyName, p.city].filter(Boolean).join(' · ')}
                  </Text>
                  <ScoreExplanation score={p.score} />
                </Stack>
              }
            />
          </Paper>
        ))}
      </Stack>
    </Radio.Group>
  );
}
