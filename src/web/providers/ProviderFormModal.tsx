import { Button, Checkbox, Group, Modal, MultiSelect, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { providerBody, providerPatch, providersApi, type Provider } from '../../shared/api/providers';
import { call } from '../api/call';
import { ApiError } from '../api/client';
import { initialNames, LocaleNameFields, namesBody, type LocaleNameValues } from '../admin/agencies/LocaleNameFields';
import { useAgencyOptions } from '../admin/users/useAgencyOptions';
import { ErrorAlert } from '../common/ErrorAlert';
import { reportFormError } from '../forms/serverErrors';
import { zodValidator } from '../forms/validation';
import { useLocale } from '../i18n/locale-context';
import { languageOptions, regionOptions, serviceOptions, targetGroupOptions } from './labels';

interface ProviderFormValues extends LocaleNameValues {
  agencyId: string | null;
  description: string;
  city: string;
  regions: string[];
  servesNationally: boolean;
  languages: string[];
  targetGroups: string[];
  services: string[];
  openingHours: string;
  contactPhone: string;
  contactEmail: string;
  active: boolean;
}

const FIELDS = Object.keys(providerBody.shape);

function initialValues(p: Provider | null): ProviderFormValues {
  return {
    agencyId: p?.agencyId ?? null,
    ...initialNames(p),
    description: p?.description ?? '',
    city: p?.city ?? '',
    regions: p?.regions ?? [],
    servesNationally: p?.servesNationally ?? false,
    languages: p?.languages ?? [],
    targetGroups: p?.targetGroups ?? [],
    services: p?.services ?? [],
    openingHours: p?.openingHours ?? '',
    contactPhone: p?.contactPhone ?? '',
    contactEmail: p?.contactEmail ?? '',
    active: p?.active ?? true,
  };
}

/** The body the API expects: empty optional texts become null. */
function toBody(values: ProviderFormValues) {
  return {
    ...values,
    ...namesBody(values),
    city: values.city.trim() || null,
    contactPhone: values.contactPhone.trim() || null,
    contactEmail: values.contactEmail.trim() || null,
  };
}

/** Create a service point (no `provider`) or edit one; administrators only. */
export function ProviderFormModal({ provider, onClose, onSaved }: { provider: Provider | null; onClose: () => void; onSaved: () => void }) {
  const intl = useIntl();
  const { locale } = useLocale();
  const agencies = useAgencyOptions(provider?.agencyId);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<ProviderFormValues>({
    initialValues: initialValues(provider),
    validate: (values) => zodValidator(providerBody, intl)(toBody(values)),
  });
  const label = (id: string) => intl.formatMessage({ id });

  const submit = form.onSubmit(async (values) => {
    setFormError(null);
    try {
      // The form's validator has already checked the values against the same schema: parsing here only types them.
      if (provider) await call(providersApi.update, { params: { id: provider.id }, body: providerPatch.parse({ ...toBody(values), version: provider.version }) });
      else await call(providersApi.create, { body: providerBody.parse(toBody(values)) });
      onSaved();
    } catch (error) {
      if (error instanceof ApiError && error.code === 'CONFLICT') setFormError(label('providers.conflict'));
      else setFormError(reportFormError(intl, error, form, FIELDS));
    }
  });

  return (
    <Modal opened onClose={onClose} size="xl" title={label(provider ? 'providers.edit' : 'providers.create')}>
      <form onSubmit={submit} noValidate data-testid="provider-form">
        <Stack>
          <ErrorAlert message={formError} />
          <ErrorAlert error={agencies.error} />
          <LocaleNameFields form={form} testId="provider-form" />
          <Select
            label={label('providers.field.agency')}
            data={agencies.options}
            searchable
            required
            data-testid="provider-form-agency"
            {...form.getInputProps('agencyId')}
          />
          <MultiSelect
            label={label('providers.field.services')}
            data={serviceOptions(intl)}
            required
            searchable
            data-testid="provider-form-services"
            {...form.getInputProps('services')}
          />
          <Textarea label={label('providers.field.description')} autosize minRows={2} maxRows={6} {...form.getInputProps('description')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={label('providers.field.city')} data-testid="provider-form-city" {...form.getInputProps('city')} />
            <MultiSelect label={label('providers.field.regions')} data={regionOptions(locale)} searchable data-testid="provider-form-regions" {...form.getInputProps('regions')} />
          </SimpleGrid>
          <Checkbox label={label('providers.field.servesNationally')} {...form.getInputProps('servesNationally', { type: 'checkbox' })} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <MultiSelect label={label('providers.field.targetGroups')} data={targetGroupOptions(intl)} data-testid="provider-form-target-groups" {...form.getInputProps('targetGroups')} />
            <MultiSelect label={label('providers.field.languages')} data={languageOptions(intl)} searchable data-testid="provider-form-languages" {...form.getInputProps('languages')} />
          </SimpleGrid>
          <TextInput label={label('providers.field.openingHours')} {...form.getInputProps('openingHours')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={label('providers.field.phone')} type="tel" dir="ltr" {...form.getInputProps('contactPhone')} />
            <TextInput label={label('providers.field.email')} type="email" dir="ltr" {...form.getInputProps('contactEmail')} />
          </SimpleGrid>
          <Checkbox label={label('providers.field.active')} {...form.getInputProps('active', { type: 'checkbox' })} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {label('common.cancel')}
            </Button>
            <Button type="submit" loading={form.submitting} data-testid="provider-form-submit">
              {label('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
