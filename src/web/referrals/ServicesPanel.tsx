import { Button, Group, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import type { CaseDetail } from '../../shared/api/cases';
import { ErrorAlert } from '../common/ErrorAlert';
import { formatDay } from '../cases/labels';
import { ServiceFormModal } from './ServiceFormModal';
import { referralKeys, useCareItems } from './referralApi';
import { useCareAccess } from './useCareAccess';

/** Every service delivered to the person, whoever recorded it. */
export function ServicesPanel({ caseData }: { caseData: CaseDetail }) {
  const intl = useIntl();
  const t = (id: string) => intl.formatMessage({ id });
  const queryClient = useQueryClient();
  const may = useCareAccess(caseData);
  const services = useCareItems(caseData.id, 'services');
  const [recording, setRecording] = useState(false);

  return (
    <Stack data-testid="case-services">
      {may('service.record') && (
        <Group justify="flex-end">
          <Button onClick={() => setRecording(true)} data-testid="service-record">
            {t('services.record')}
          </Button>
        </Group>
      )}
      <ErrorAlert error={services.error} />
      {services.data?.items.length === 0 ? (
        <Text c="dimmed">{t('services.empty')}</Text>
      ) : (
        <Table striped data-testid="services-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('services.type')}</Table.Th>
              <Table.Th>{t('services.provider')}</Table.Th>
              <Table.Th>{t('services.startDate')}</Table.Th>
              <Table.Th>{t('services.endDate')}</Table.Th>
              <Table.Th>{t('services.outcome')}</Table.Th>
              <Table.Th>{t('services.recordedBy')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(services.data?.items ?? []).map((s) => (
              <Table.Tr key={s.id} data-testid="service-row">
                <Table.Td>{t(`serviceType.${s.serviceType}`)}</Table.Td>
                <Table.Td>{s.providerName ?? '—'}</Table.Td>
                <Table.Td>{formatDay(intl, s.startDate)}</Table.Td>
                <Table.Td>{formatDay(intl, s.endDate)}</Table.Td>
                <Table.Td>{t(`serviceOutcome.${s.outcome}`)}</Table.Td>
                <Table.Td>{s.recordedByAgencyName}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {recording && (
        <ServiceFormModal
          target={{ caseId: caseData.id }}
          onClose={() => setRecording(false)}
          onSaved={(items) => {
            queryClient.setQueryData(referralKeys.caseRecords(caseData.id, 'services'), { items });
            setRecording(false);
            notifications.show({ color: 'teal', message: t('services.saved') });
          }}
        />
      )}
    </Stack>
  );
}
