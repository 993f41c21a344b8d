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
import { initialNames, LocaleNameFields, namesBody, type LocaleNameValues } from './LocaleNameFields';

interface AgencyFormValues extends LocaleNameValues {
  type: AgencyType | null;
  region: string;
}

/** The body the API expects: empty texts become null. */
function toBody(values: AgencyFormValues) {
  return { ...namesBody(values), type: values.type, region: values.region.trim() || null };
}

/** Create an agency (no `agency` given) or edit one; calls onSaved after the server accepts. */
export function AgencyFormModal({ agency, onClose, onSaved }: { agency: Agency | null; onClose: () => void; onSaved: () => void }) {
  const intl = useIntl();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<AgencyFormValues>({
    initialValues: { ...initialNames(agency), type: agency?.type ?? null, region: agency?.region ?? '' },
    validate: (values) => zodValidator(agencyBody, intl)(toBody(values)),
  });

  const submit = form.onSubmit(async (values) => {
    setFormError(null);
    // Validated above with the same schema; parsing gives the body its contract type.
    const body = agencyBody.parse(toBody(values));
    try {
      if (agency) await call(adminApi.updateAgency, { params: { id: agency.id }, body });
      else await call(adminApi.createAgency, { body });
      onSaved();
    } catch (error) {
      setFormError(reportFormError(intl, error, form, ['nameAr', 'nameFr', 'nameEn', 'type', 'region']));
    }
  });

  return (
    <Modal opened onClose={onClose} size="lg" title={intl.formatMessage({ id: agency ? 'agencies.edit' : 'agencies.create' })}>
      <form onSubmit={submit} noValidate data-testid="agency-form">
        <Stack>
          <ErrorAlert message={formError} />
          <LocaleNameFields form={form} testId="agency-form" />
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
