import { Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { adminApi, agencyBody, type Agency } from '../../../shared/api/admin';
import type { AgencyType } from '../../../shared/agencies';
import { call } from '../../api/call';
import { ErrorAlert } from '../../common/ErrorAlert';
import { reportFormError } from '../../forms/serverErrors';
import { zodValidator } from '../../forms/validation';
import { agencyTypeOptions } from '../agencyTypes';

interface AgencyFormValues {
  name: string;
  type: AgencyType | null;
  region: string;
}

/** Create an agency (no `agency` given) or edit one; calls onSaved after the server accepts. */
export function AgencyFormModal({ agency, onClose, onSaved }: { agency: Agency | null; onClose: () => void; onSaved: () => void }) {
  const intl = useIntl();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<AgencyFormValues>({
    initialValues: { name: agency?.name ?? '', type: agency?.type ?? null, region: agency?.region ?? '' },
    validate: (values) => zodValidator(agencyBody, intl)({ ...values, region: values.region || null }),
  });

  const submit = form.onSubmit(async (values) => {
    setFormError(null);
    // Validated above with the same schema; parsing gives the body its contract type.
    const body = agencyBody.parse({ name: values.name.trim(), type: values.type, region: values.region.trim() || null });
    try {
      if (agency) await call(adminApi.updateAgency, { params: { id: agency.id }, body });
      else await call(adminApi.createAgency, { body });
      onSaved();
    } catch (error) {
      setFormError(reportFormError(intl, error, form, ['name', 'type', 'region']));
    }
  });

  return (
    <Modal opened onClose={onClose} title={intl.formatMessage({ id: agency ? 'agencies.edit' : 'agencies.create' })}>
      <form onSubmit={submit} noValidate data-testid="agency-form">
        <Stack>
          <ErrorAlert message={formError} />
          <TextInput
            label={intl.formatMessage({ id: 'agencies.name' })}
            required
            data-autofocus
            data-testid="agency-form-name"
            {...form.getInputProps('name')}
          />
          <Select
            label={intl.formatMessage({ id: 'agencies.type' })}
            data={agencyTypeOptions(intl)}
            searchable
            required
            data-testid="agency-form-type"
            {...form.getInputProps('type')}
          />
          <TextInput label={intl.formatMessage({ id: 'agencies.region' })} data-testid="agency-form-region" {...form.getInputProps('region')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {intl.formatMessage({ id: 'common.cancel' })}
            </Button>
            <Button type="submit" loading={form.submitting} data-testid="agency-form-submit">
              {intl.formatMessage({ id: 'common.save' })}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
