import { Alert, Button, Group, NumberInput, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { providersApi, type Provider } from '../../shared/api/providers';
import { call } from '../api/call';
import { ApiError } from '../api/client';
import { ErrorAlert } from '../common/ErrorAlert';
import { reportFormError } from '../forms/serverErrors';

interface CapacityValues {
  bedsTotal: number | string;
  bedsOccupied: number | string;
}

/** The shelter's own bed count, saved against the version it was read at (a stale one gets 409). */
export function CapacityForm({ provider }: { provider: Provider }) {
  const intl = useIntl();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const capacity = provider.capacity;
  const form = useForm<CapacityValues>({
    initialValues: { bedsTotal: capacity?.bedsTotal ?? '', bedsOccupied: capacity?.bedsOccupied ?? '' },
    validate: {
      bedsTotal: (value) => (value === '' ? intl.formatMessage({ id: 'validation.required' }) : null),
      bedsOccupied: (value, values) => {
        if (value === '') return intl.formatMessage({ id: 'validation.required' });
        return Number(value) > Number(values.bedsTotal) ? intl.formatMessage({ id: 'providers.capacity.overTotal' }) : null;
      },
    },
  });

  const submit = form.onSubmit(async (values) => {
    setFormError(null);
    setConflict(false);
    try {
      const saved = await call(providersApi.updateCapacity, {
        params: { id: provider.id },
        body: { bedsTotal: Number(values.bedsTotal), bedsOccupied: Number(values.bedsOccupied), version: capacity?.version ?? 0 },
      });
      queryClient.setQueryData(['providers', 'one', provider.id], saved);
      void queryClient.invalidateQueries({ queryKey: ['providers'] });
      notifications.show({ color: 'teal', message: intl.formatMessage({ id: 'providers.capacity.saved' }) });
    } catch (error) {
      if (error instanceof ApiError && error.code === 'CONFLICT') {
        setConflict(true);
        // Reload so the form shows what the other person saved.
        const fresh = await call(providersApi.one, { params: { id: provider.id } });
        queryClient.setQueryData(['providers', 'one', provider.id], fresh);
        form.setValues({ bedsTotal: fresh.capacity?.bedsTotal ?? '', bedsOccupied: fresh.capacity?.bedsOccupied ?? '' });
        void queryClient.invalidateQueries({ queryKey: ['providers'] });
        return;
      }
      setFormError(reportFormError(intl, error, form, ['bedsTotal', 'bedsOccupied']));
    }
  });

  return (
    <form onSubmit={submit} noValidate data-testid="capacity-form">
      <Stack gap="sm">
        {conflict && (
          <Alert color="yellow" role="alert" data-testid="capacity-conflict">
            <FormattedMessage id="providers.capacity.conflict" />
          </Alert>
        )}
        <ErrorAlert message={formError} />
        <Group grow align="flex-start">
          <NumberInput
            label={intl.formatMessage({ id: 'providers.capacity.total' })}
            min={0}
            max={10000}
            allowDecimal={false}
            allowNegative={false}
            required
            data-testid="capacity-total"
            {...form.getInputProps('bedsTotal')}
          />
          <NumberInput
            label={intl.formatMessage({ id: 'providers.capacity.occupied' })}
            min={0}
            max={10000}
            allowDecimal={false}
            allowNegative={false}
            required
            data-testid="capacity-occupied"
            {...form.getInputProps('bedsOccupied')}
          />
        </Group>
        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            {capacity ? (
              <FormattedMessage
                id={capacity.updatedByName ? 'providers.capacity.updated' : 'providers.capacity.updatedAt'}
                values={{
                  date: intl.formatDate(capacity.updatedAt, { dateStyle: 'medium', timeStyle: 'short' }),
                  name: <bdi>{capacity.updatedByName}</bdi>,
                }}
              />
            ) : (
              <FormattedMessage id="providers.capacity.unknown" />
            )}
          </Text>
          <Button type="submit" loading={form.submitting} data-testid="capacity-submit">
            <FormattedMessage id="providers.capacity.save" />
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
