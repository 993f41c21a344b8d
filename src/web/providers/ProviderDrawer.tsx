import { Anchor, Badge, Button, Divider, Drawer, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { providersApi, type Provider } from '../../shared/api/providers';
import { call } from '../api/call';
import { useLocale } from '../i18n/locale-context';
import { ErrorAlert } from '../common/ErrorAlert';
import { BedsBadge } from './BedsBadge';
import { CapacityForm } from './CapacityForm';
import { languageLabel, regionLabel } from './labels';

/** One provider, loaded by id (shared by the drawer and the capacity panel). */
export function useProvider(id: string | null) {
  return useQuery({
    queryKey: ['providers', 'one', id],
    queryFn: () => call(providersApi.one, { params: { id: id! } }),
    enabled: id !== null,
  });
}

function Field({ labelId, children }: { labelId: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={600}>
        <FormattedMessage id={labelId} />
      </Text>
      <div>{children}</div>
    </div>
  );
}

function Chips({ values, label }: { values: string[]; label: (value: string) => string }) {
  if (values.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        <FormattedMessage id="providers.detail.notGiven" />
      </Text>
    );
  }
  return (
    <Group gap={4}>
      {values.map((value) => (
        <Badge key={value} variant="light" size="sm">
          {label(value)}
        </Badge>
      ))}
    </Group>
  );
}

/** The provider's card: services, reach, contacts, beds; the shelter updates its beds here, an administrator edits. */
export function ProviderDrawer({ id, onClose, onEdit }: { id: string | null; onClose: () => void; onEdit: (provider: Provider) => void }) {
  const intl = useIntl();
  const { locale } = useLocale();
  const provider = useProvider(id);
  const p = provider.data;
  return (
    <Drawer opened={id !== null} onClose={onClose} position="right" size="lg" title={p ? <bdi>{p.name}</bdi> : null} data-testid="provider-drawer">
      <ErrorAlert error={provider.error} />
      {provider.isLoading && <Loader />}
      {p && (
        <Stack>
          <Group justify="space-between">
            <Text c="dimmed">
              <bdi>{p.agencyName}</bdi>
              {p.city ? <> · <bdi>{p.city}</bdi></> : null}
            </Text>
            <Badge color={p.active ? 'teal' : 'gray'} variant="light">
              <FormattedMessage id={p.active ? 'common.active' : 'common.disabled'} />
            </Badge>
          </Group>
          {p.description && <Text>{p.description}</Text>}
          <Field labelId="providers.field.services">
            <Chips values={p.services} label={(code) => intl.formatMessage({ id: `serviceType.${code}` })} />
          </Field>
          <Field labelId="providers.field.regions">
            {p.servesNationally ? (
              <Badge variant="light" size="sm" color="grape">
                <FormattedMessage id="providers.nationwide" />
              </Badge>
            ) : null}
            <Chips values={p.regions} label={(code) => regionLabel(code, locale)} />
          </Field>
          <Field labelId="providers.field.targetGroups">
            <Chips values={p.targetGroups} label={(code) => intl.formatMessage({ id: `targetGroup.${code}` })} />
          </Field>
          <Field labelId="providers.field.languages">
            <Chips values={p.languages} label={(code) => languageLabel(intl, code)} />
          </Field>
          <Divider label={intl.formatMessage({ id: 'providers.detail.contact' })} labelPosition="left" />
          <Field labelId="providers.field.openingHours">
            <Text size="sm">{p.openingHours || intl.formatMessage({ id: 'providers.detail.notGiven' })}</Text>
          </Field>
          <Group grow align="flex-start">
            <Field labelId="providers.field.phone">
              {p.contactPhone ? (
                <Anchor href={`tel:${p.contactPhone.replace(/[^+0-9]/g, '')}`} dir="ltr">
                  {p.contactPhone}
                </Anchor>
              ) : (
                <Text size="sm" c="dimmed">
                  <FormattedMessage id="providers.detail.notGiven" />
                </Text>
              )}
            </Field>
            <Field labelId="providers.field.email">
              {p.contactEmail ? (
                <Anchor href={`mailto:${p.contactEmail}`} dir="ltr">
                  {p.contactEmail}
                </Anchor>
              ) : (
                <Text size="sm" c="dimmed">
                  <FormattedMessage id="providers.detail.notGiven" />
                </Text>
              )}
            </Field>
          </Group>
          {p.services.includes('shelter') && (
            <>
              <Divider />
              <Group justify="space-between">
                <Title order={3} size="h5">
                  <FormattedMessage id="providers.capacity.title" />
                </Title>
                <BedsBadge capacity={p.capacity} />
              </Group>
              {p.allowedActions.includes('provider.updateCapacity') && <CapacityForm key={p.id} provider={p} />}
            </>
          )}
          {p.allowedActions.includes('provider.update') && (
            <Group justify="flex-end">
              <Button leftSection={<IconPencil size={16} aria-hidden />} variant="light" onClick={() => onEdit(p)} data-testid="provider-edit">
                <FormattedMessage id="providers.edit" />
              </Button>
            </Group>
          )}
        </Stack>
      )}
    </Drawer>
  );
}
