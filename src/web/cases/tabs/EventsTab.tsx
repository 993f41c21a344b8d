import { Button, Group, Stack, Text, Timeline } from '@mantine/core';
import { IconMapPin, IconPlus, IconRoute, IconUserSearch } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import type { CaseDetail } from '../../../shared/api/cases';
import { ErrorAlert } from '../../common/ErrorAlert';
import { useLocale } from '../../i18n/locale-context';
import { caseKeys, useCaseEvents, type TraffickingEvent } from '../caseApi';
import { CODE_PREFIX, codeLabel, countryLabel, formatDay, regionLabel } from '../labels';
import { EventFormModal } from './EventFormModal';
import { TabEmpty } from './TabEmpty';
import { TabLoading } from './TabLoading';

const EVENT_ICON = { Recruitment: IconUserSearch, Transit: IconRoute, Exploitation: IconMapPin } as const;

/** The trafficking journey as a timeline: where the person was recruited, moved through and exploited. */
export function EventsTab({ caseData }: { caseData: CaseDetail }) {
  const intl = useIntl();
  const { locale } = useLocale();
  const queryClient = useQueryClient();
  const t = (id: string) => intl.formatMessage({ id });
  const events = useCaseEvents(caseData.id);
  const [adding, setAdding] = useState(false);

  const where = (e: TraffickingEvent) => [e.city, e.region ? regionLabel(e.region, locale) : null, countryLabel(intl, e.country)].filter(Boolean).join(' · ');
  const when = (e: TraffickingEvent) =>
    e.startDate || e.endDate ? intl.formatMessage({ id: 'cases.events.period' }, { start: formatDay(intl, e.startDate), end: formatDay(intl, e.endDate) }) : t('cases.events.undated');

  return (
    <Stack>
      {caseData.allowedActions.includes('case.update') && (
        <Group justify="flex-end">
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setAdding(true)} data-testid="event-add">
            {t('cases.events.add')}
          </Button>
        </Group>
      )}
      <ErrorAlert error={events.error} />
      {events.isPending ? (
        <TabLoading />
      ) : events.data?.items.length === 0 ? (
        <TabEmpty titleId="cases.events.empty" descriptionId="cases.events.emptyHelp" testId="events-empty" />
      ) : (
        <Timeline bulletSize={28} lineWidth={2} data-testid="events-timeline">
          {events.data?.items.map((event) => {
            const Icon = EVENT_ICON[event.type];
            return (
              <Timeline.Item key={event.id} bullet={<Icon size={16} aria-hidden />} title={codeLabel(intl, CODE_PREFIX.eventType, event.type)} data-testid="event-row">
                <Text size="sm">{where(event)}</Text>
                <Text size="xs" c="dimmed">
                  {when(event)}
                </Text>
                {event.description && (
                  <Text dir="auto" size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }}>
                    {event.description}
                  </Text>
                )}
              </Timeline.Item>
            );
          })}
        </Timeline>
      )}
      {adding && (
        <EventFormModal
          caseId={caseData.id}
          onClose={() => setAdding(false)}
          onSaved={() => {
            setAdding(false);
            void queryClient.invalidateQueries({ queryKey: caseKeys.sub(caseData.id, 'events') });
          }}
        />
      )}
    </Stack>
  );
}
