import { Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { casesApi, type CaseDetail, type Consent } from '../../../shared/api/cases';
import { call } from '../../api/call';
import { ConfirmModal } from '../../common/ConfirmModal';
import { caseKeys } from '../caseApi';
import { CODE_PREFIX, codeLabel, formatMoment } from '../labels';
import { ConsentFormModal } from './ConsentFormModal';
import { TabEmpty } from './TabEmpty';

/** Consents the victim gave (services, sharing with one organisation, statistics), each revocable. */
export function ConsentsTab({ caseData }: { caseData: CaseDetail }) {
  const intl = useIntl();
  const queryClient = useQueryClient();
  const t = (id: string) => intl.formatMessage({ id });
  const [giving, setGiving] = useState(false);
  const [revoking, setRevoking] = useState<Consent | null>(null);
  const canConsent = caseData.allowedActions.includes('case.consent');
  const consents = caseData.consents;

  // The detail already carries the consents: update it in place rather than reading (and auditing) the case again.
  const replaceConsents = (items: Consent[]) => {
    queryClient.setQueryData<CaseDetail>(caseKeys.detail(caseData.id), (old) => (old ? { ...old, consents: items } : old));
  };

  return (
    <Stack>
      {canConsent && (
        <Group justify="flex-end">
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setGiving(true)} data-testid="consent-give">
            {t('cases.consent.give')}
          </Button>
        </Group>
      )}
      {consents.length === 0 ? (
        <TabEmpty titleId="cases.consent.empty" descriptionId="cases.consent.emptyHelp" testId="consents-empty" />
      ) : (
        <Table.ScrollContainer minWidth={760} type="native">
          <Table striped data-testid="consents-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('cases.consent.type')}</Table.Th>
                <Table.Th>{t('cases.consent.agency')}</Table.Th>
                <Table.Th>{t('cases.consent.method')}</Table.Th>
                <Table.Th>{t('cases.consent.givenAt')}</Table.Th>
                <Table.Th>{t('cases.consent.recordedBy')}</Table.Th>
                <Table.Th>{t('common.status')}</Table.Th>
                {canConsent && <Table.Th>{t('common.actions')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {consents.map((consent) => (
                <Table.Tr key={consent.id} data-testid="consent-row" data-id={consent.id} data-type={consent.type} data-revoked={consent.revokedAt ? 'true' : 'false'}>
                  <Table.Td>{codeLabel(intl, CODE_PREFIX.consentType, consent.type)}</Table.Td>
                  <Table.Td>{consent.agencyName ?? '—'}</Table.Td>
                  <Table.Td>
                    {codeLabel(intl, CODE_PREFIX.consentMethod, consent.method)}
                    {consent.guardianName && (
                      <Text size="xs" c="dimmed" data-testid="consent-guardian">
                        <bdi>{consent.guardianName}</bdi>
                        {consent.guardianRelationship && ` · ${intl.formatMessage({ id: `guardianRelationship.${consent.guardianRelationship}` })}`}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{formatMoment(intl, consent.givenAt)}</Table.Td>
                  <Table.Td>{consent.recordedByName}</Table.Td>
                  <Table.Td>
                    {consent.revokedAt ? (
                      <Badge color="gray" variant="light">
                        {intl.formatMessage({ id: 'cases.consent.revokedOn' }, { date: formatMoment(intl, consent.revokedAt) })}
                      </Badge>
                    ) : (
                      <Badge color="teal" variant="light">
                        {t('cases.consent.inForce')}
                      </Badge>
                    )}
                  </Table.Td>
                  {canConsent && (
                    <Table.Td>
                      {!consent.revokedAt && (
                        <Button size="xs" variant="subtle" color="red" onClick={() => setRevoking(consent)} data-testid="consent-revoke">
                          {t('cases.consent.revoke')}
                        </Button>
                      )}
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {giving && (
        <ConsentFormModal
          caseId={caseData.id}
          onClose={() => setGiving(false)}
          onSaved={(items) => {
            replaceConsents(items);
            setGiving(false);
            notifications.show({ color: 'teal', message: t('cases.consent.recorded') });
          }}
        />
      )}
      <ConfirmModal
        opened={revoking !== null}
        title={t('cases.consent.revokeTitle')}
        message={revoking ? intl.formatMessage({ id: 'cases.consent.revokeConfirm' }, { type: codeLabel(intl, CODE_PREFIX.consentType, revoking.type) }) : ''}
        confirmLabel={t('cases.consent.revoke')}
        danger
        onConfirm={async () => {
          if (!revoking) return;
          const result = await call(casesApi.revokeConsent, { params: { id: caseData.id, consentId: revoking.id } });
          replaceConsents(result.items);
          notifications.show({ color: 'teal', message: t('cases.consent.revoked') });
        }}
        onClose={() => setRevoking(null)}
      />
    </Stack>
  );
}
