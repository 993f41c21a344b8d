import { Anchor, Badge, Button, Card, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { IconExternalLink, IconMail, IconPhone } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useIntl } from 'react-intl';
import { Link } from 'react-router-dom';
import { screeningsApi, type NextStepProvider } from '../../shared/api/screening';
import { call } from '../api/call';
import { hasPermission, useMe } from '../api/session';
import { ErrorAlert } from '../common/ErrorAlert';
import { screeningKeys } from './screeningApi';

/** One service to send the person to: how to reach it, and (for those who may) its directory entry. */
function ProviderContact({ provider, canOpen }: { provider: NextStepProvider; canOpen: boolean }) {
  const intl = useIntl();
  const t = (id: string) => intl.formatMessage({ id });
  return (
    <Paper withBorder p="sm" radius="md" data-testid={`next-step-provider-${provider.id}`}>
      <Stack gap={4}>
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Text fw={600} size="sm">
            {provider.name}
          </Text>
          {provider.inRegion ? (
            <Badge size="sm" variant="light" color="teal">
              {t('screening.nextSteps.inRegion')}
            </Badge>
          ) : provider.servesNationally ? (
            <Badge size="sm" variant="light">
              {t('screening.nextSteps.national')}
            </Badge>
          ) : null}
        </Group>
        <Text size="xs" c="dimmed">
          {[provider.agencyName, provider.city].filter(Boolean).join(' · ')}
        </Text>
        {provider.openingHours && <Text size="xs">{provider.openingHours}</Text>}
        <Group gap="md" wrap="wrap">
          {provider.contactPhone && (
            <Anchor href={`tel:${provider.contactPhone.replace(/[^+0-9]/g, '')}`} size="sm">
              <Group gap={4} wrap="nowrap">
                <IconPhone size={14} aria-hidden />
                <bdi>{provider.contactPhone}</bdi>
              </Group>
            </Anchor>
          )}
          {provider.contactEmail && (
            <Anchor href={`mailto:${provider.contactEmail}`} size="sm">
              <Group gap={4} wrap="nowrap">
                <IconMail size={14} aria-hidden />
                <bdi>{provider.contactEmail}</bdi>
              </Group>
            </Anchor>
          )}
          {canOpen && (
            <Anchor component={Link} to={`/providers/${provider.id}`} size="sm" data-testid="next-step-open-provider">
              <Group gap={4} wrap="nowrap">
                <IconExternalLink size={14} aria-hidden />
                {t('screening.nextSteps.openProvider')}
              </Group>
            </Anchor>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}

/**
 * After a confirmed smuggled-migrant outcome (not trafficking, but a person often
 * worth referring): services for assisted voluntary return, health care and asylum
 * information, chosen by the server from the directory for the screening's region.
 * A smuggled migrant usually has no case: the suggestion is then whom to contact
 * and what to tell the person; with a case, a referral can be started there.
 */
export function NextStepsPanel({ screeningId }: { screeningId: string }) {
  const intl = useIntl();
  const t = (id: string) => intl.formatMessage({ id });
  const me = useMe().data;
  const nextSteps = useQuery({
    queryKey: [...screeningKeys.detail(screeningId), 'next-steps'],
    queryFn: () => call(screeningsApi.nextSteps, { params: { id: screeningId } }),
  });

  if (nextSteps.isPending) return <Loader size="sm" />;
  if (nextSteps.error) return <ErrorAlert error={nextSteps.error} />;
  const { applies, steps, caseId } = nextSteps.data;
  if (!applies) return null;
  const canOpen = hasPermission(me, 'provider.list');

  return (
    <Card withBorder padding="md" data-testid="screening-next-steps">
      <Stack gap="md">
        <div>
          <Title order={2} size="h4">
            {t('screening.nextSteps.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t(caseId ? 'screening.nextSteps.helpCase' : 'screening.nextSteps.helpNoCase')}
          </Text>
        </div>
        {steps.map((step) => (
          <Stack key={step.need} gap="xs" data-testid={`next-step-${step.need}`}>
            <Title order={3} size="h5">
              {t(`screening.nextSteps.need.${step.need}`)}
            </Title>
            <Text size="sm">{t(`screening.nextSteps.tell.${step.need}`)}</Text>
            {step.providers.length === 0 ? (
              <Text size="sm" c="dimmed">
                {intl.formatMessage({ id: 'screening.nextSteps.none' }, { service: t(`serviceType.${step.service}`) })}
              </Text>
            ) : (
              step.providers.map((provider) => <ProviderContact key={provider.id} provider={provider} canOpen={canOpen} />)
            )}
          </Stack>
        ))}
        {caseId && (
          <Group>
            <Button component={Link} to={`/cases/${caseId}?tab=referrals`} variant="light" data-testid="next-steps-refer">
              {t('screening.nextSteps.refer')}
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}
