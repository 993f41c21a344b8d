import { Badge, Button, Stack, Table, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { useSearchParams } from 'react-router-dom';
import { overrideReviewApi, type OverrideReviewItem } from '../../shared/api/override-review';
import { call } from '../api/call';
import { ErrorAlert } from '../common/ErrorAlert';
import { PageTitle } from '../common/PageTitle';
import { Pager } from '../common/Pager';
import { formatMoment } from '../cases/labels';
import { ActiveFilters } from './ActiveFilters';
import { ReviewOverrideModal } from './ReviewOverrideModal';

const PAGE_SIZE = 25;

/**
 * Behind the coordinator's "consent overrides to review" tile (`?pending=true`): each referral sent
 * without consent, who sent it, from which organisation, when, the coded reason and which fields
 * left, and the review (approve, or flag with a note). No case, no person, no written justification.
 */
export function OverridesPage() {
  const intl = useIntl();
  const t = (id: string) => intl.formatMessage({ id });
  const [searchParams, setSearchParams] = useSearchParams();
  const pending = searchParams.get('pending') === 'true';
  const [page, setPage] = useState(1);
  const [reviewing, setReviewing] = useState<OverrideReviewItem | null>(null);
  const overrides = useQuery({
    queryKey: ['oversight', 'overrides', { pending, page }],
    queryFn: () => call(overrideReviewApi.list, { query: { pending: pending ? 'true' : 'false', page, pageSize: PAGE_SIZE } }),
    placeholderData: keepPreviousData,
  });
  const items = overrides.data?.items ?? [];
  const removeFilter = () => {
    setSearchParams({}, { replace: true });
    setPage(1);
  };

  return (
    <>
      <PageTitle id="oversight.overrides.title" />
      <Text c="dimmed" size="sm" mb="md" maw={820}>
        {t('oversight.overrides.intro')}
      </Text>
      <ActiveFilters filters={pending ? [{ key: 'pending', label: t('oversight.filter.pending') }] : []} onRemove={removeFilter} />
      <ErrorAlert error={overrides.error} />
      {overrides.data && items.length === 0 ? (
        <Text c="dimmed" data-testid="overrides-empty">
          {t(pending ? 'oversight.overrides.empty' : 'oversight.overrides.emptyAll')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={960} type="native">
          <Table striped data-testid="overrides-table">
            <Table.Thead>
              <Table.Tr>
                {['reference', 'sentAt', 'sentBy', 'to', 'reason', 'shared', 'review'].map((column) => (
                  <Table.Th key={column}>{t(`oversight.overrides.${column}`)}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((item) => (
                <Table.Tr key={item.id} data-testid="override-row" data-id={item.id} data-reference={item.reference}>
                  <Table.Td>
                    <Text span ff="monospace" size="sm" dir="ltr">
                      {item.reference}
                    </Text>
                  </Table.Td>
                  <Table.Td>{formatMoment(intl, item.sentAt)}</Table.Td>
                  <Table.Td>
                    <Stack gap={0}>
                      <bdi>{item.sentByName}</bdi>
                      <Text size="xs" c="dimmed">
                        <bdi>{item.referringAgencyName}</bdi>
                      </Text>
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    <Stack gap={0}>
                      <bdi>{item.receivingAgencyName}</bdi>
                      <Text size="xs" c="dimmed">
                        {t(`serviceType.${item.serviceType}`)} · {t(`referralUrgency.${item.urgency}`)}
                      </Text>
                    </Stack>
                  </Table.Td>
                  <Table.Td>{t(`oversight.reason.${item.overrideReason}`)}</Table.Td>
                  <Table.Td>
                    <Text size="xs">{item.sharedFields.map((field) => t(`shareField.${field}`)).join(', ')}</Text>
                  </Table.Td>
                  <Table.Td>
                    {item.review ? (
                      <Stack gap={2}>
                        <Badge color={item.review.outcome === 'flagged' ? 'orange' : 'teal'} variant="light" data-testid="override-outcome">
                          {t(`oversight.overrides.${item.review.outcome}`)}
                        </Badge>
                        <Text size="xs" c="dimmed">
                          {intl.formatMessage({ id: 'oversight.overrides.reviewedBy' }, { name: <bdi key="name">{item.review.reviewedByName ?? '—'}</bdi>, date: formatMoment(intl, item.review.reviewedAt) })}
                        </Text>
                        {item.review.note && (
                          <Text size="xs" dir="auto">
                            {item.review.note}
                          </Text>
                        )}
                      </Stack>
                    ) : (
                      <Button size="xs" onClick={() => setReviewing(item)} data-testid="override-review">
                        {t('oversight.overrides.reviewAction')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Pager page={page} pageSize={PAGE_SIZE} total={overrides.data?.total ?? 0} onChange={setPage} />
      {reviewing && <ReviewOverrideModal override={reviewing} onClose={() => setReviewing(null)} />}
    </>
  );
}
