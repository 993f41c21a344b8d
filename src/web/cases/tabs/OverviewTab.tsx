import { Anchor, Card, Group, SimpleGrid, Stack, Text, ThemeIcon, Timeline, Title } from '@mantine/core';
import {
  IconBriefcase, IconCalendarEvent, IconChecklist, IconClipboardCheck, IconFileText, IconHeartHandshake, IconNote, IconPhoneIncoming, IconRoute, IconSend, IconShieldCheck,
} from '@tabler/icons-react';
import type { ComponentType, ReactNode } from 'react';
import { useIntl, type IntlShape } from 'react-intl';
import { Link } from 'react-router-dom';
import type { TimelineEntry, TimelineKind } from '../../../shared/api/case-timeline';
import type { CaseDetail } from '../../../shared/api/cases';
import { ErrorAlert } from '../../common/ErrorAlert';
import { useLocale } from '../../i18n/locale-context';
import { useCaseTimeline } from '../caseApi';
import { CODE_PREFIX, codeLabel, countryLabel, formatDay, formatMoment, regionLabel } from '../labels';
import { ReflectionEnd } from '../reflection';
import { TabEmpty } from './TabEmpty';
import { TabLoading } from './TabLoading';

const ICON: Record<TimelineKind, ComponentType<{ size?: number }>> = {
  case: IconBriefcase,
  report: IconPhoneIncoming,
  screening: IconClipboardCheck,
  referral: IconSend,
  service: IconHeartHandshake,
  consent: IconShieldCheck,
  note: IconNote,
  event: IconRoute,
  support_plan: IconChecklist,
  follow_up: IconCalendarEvent,
};

/** Where a line leads: its own page when it has one the reader may open, else the tab that lists it. */
function linkOf(entry: TimelineEntry): string | null {
  switch (entry.kind) {
    case 'referral':
      return `/referrals/${entry.resourceId}`;
    case 'report':
      return entry.openable ? `/reports/${entry.resourceId}` : null;
    case 'screening':
      return entry.openable ? `/screenings/${entry.resourceId}` : null;
    case 'service':
      return '?tab=services';
    case 'consent':
      return '?tab=consents';
    case 'note':
      return '?tab=notes';
    case 'event':
      return '?tab=events';
    case 'support_plan':
      return '?tab=support-plan';
    case 'follow_up':
      return '?tab=follow-ups';
    default:
      return null;
  }
}

/** The line's code and detail in the reader's language (codes from their own catalogs; names as stored). */
function labelsOf(intl: IntlShape, entry: TimelineEntry): { code: string; detail: string } {
  const label = (prefix: string, value: string | null) => codeLabel(intl, prefix, value);
  switch (entry.kind) {
    case 'case':
      return { code: label(CODE_PREFIX.closureReason, entry.code), detail: label(CODE_PREFIX.caseStatus, entry.detail) };
    case 'report':
      return { code: label('report.channel', entry.code), detail: '' };
    case 'screening':
      return { code: label('screening.outcome', entry.code), detail: '' };
    case 'referral':
      return { code: label('serviceType', entry.code), detail: entry.detail ?? '' };
    case 'service':
      return { code: label('serviceType', entry.code), detail: label('serviceOutcome', entry.detail) };
    case 'consent':
      return { code: label(CODE_PREFIX.consentType, entry.code), detail: entry.detail ?? '' };
    case 'event':
      return { code: label(CODE_PREFIX.eventType, entry.code), detail: countryLabel(intl, entry.detail) };
    case 'support_plan':
      return { code: label('supportPlanType', entry.code), detail: '' };
    default:
      return { code: '', detail: '' };
  }
}

function TimelineLine({ entry }: { entry: TimelineEntry }) {
  const intl = useIntl();
  const Icon = ICON[entry.kind];
  const { code, detail } = labelsOf(intl, entry);
  const title = intl.formatMessage(
    { id: `caseOverview.line.${entry.kind}.${entry.step}` },
    { reference: entry.reference ?? '', code, detail, hasDetail: detail ? 'yes' : 'no' },
  );
  const to = linkOf(entry);
  const when = entry.dayOnly ? formatDay(intl, entry.at) : formatMoment(intl, entry.at);
  return (
    <Timeline.Item
      bullet={
        <ThemeIcon size={22} radius="xl" variant="light">
          <Icon size={14} />
        </ThemeIcon>
      }
      title={to ? (
        <Anchor component={Link} to={to} size="sm" fw={600}>
          {title}
        </Anchor>
      ) : (
        <Text size="sm" fw={600}>
          {title}
        </Text>
      )}
      data-testid="timeline-entry"
      data-kind={entry.kind}
      data-step={entry.step}
    >
      <Text size="xs" c="dimmed">
        {entry.actorName ? intl.formatMessage({ id: 'caseOverview.whenBy' }, { when, name: entry.actorName }) : when}
      </Text>
    </Timeline.Item>
  );
}

function Fact({ labelId, children }: { labelId: string; children: ReactNode }) {
  const intl = useIntl();
  return (
    <div>
      <Text size="xs" c="dimmed">
        {intl.formatMessage({ id: labelId })}
      </Text>
      <Text size="sm" component="div">
        {children || '—'}
      </Text>
    </div>
  );
}

/**
 * The case at a glance: who holds it, where it stands, and what happened, newest
 * first, from every part of the case (reports, screening, referrals, services,
 * consents, notes, events, plans, follow-ups). Lines carry no free text: a note is
 * said to have been written, and its text stays in the Notes tab.
 */
export function OverviewTab({ caseData }: { caseData: CaseDetail }) {
  const intl = useIntl();
  const { locale } = useLocale();
  const timeline = useCaseTimeline(caseData.id);
  const c = caseData;
  return (
    <Stack data-testid="case-overview">
      <Card withBorder>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
          <Fact labelId="cases.column.owner">{c.ownerAgencyName}</Fact>
          <Fact labelId="cases.field.caseManager">{c.caseManagerName}</Fact>
          <Fact labelId="caseOverview.openedOn">{formatDay(intl, c.openedAt)}</Fact>
          <Fact labelId="cases.field.region">{c.region ? regionLabel(c.region, locale) : null}</Fact>
          <Fact labelId="cases.field.exploitationForms">{c.exploitationForms.map((f) => codeLabel(intl, CODE_PREFIX.exploitationForm, f)).join(' · ')}</Fact>
          <Fact labelId="cases.field.reflectionEnd">{c.reflectionEnd && <ReflectionEnd end={c.reflectionEnd} alertDays={c.reflectionAlertDays} />}</Fact>
          <Fact labelId="caseOverview.consentsInForce">{intl.formatNumber(c.consents.filter((x) => !x.revokedAt).length)}</Fact>
          <Fact labelId="caseOverview.assigned">{c.assignments.map((a) => a.displayName).join(' · ')}</Fact>
        </SimpleGrid>
      </Card>
      <Group justify="space-between">
        <Title order={2} size="h4">
          {intl.formatMessage({ id: 'caseOverview.timeline' })}
        </Title>
        <FileHint />
      </Group>
      <ErrorAlert error={timeline.error} />
      {timeline.isPending ? (
        <TabLoading />
      ) : !timeline.data || timeline.data.items.length === 0 ? (
        <TabEmpty titleId="caseOverview.timelineEmpty" testId="timeline-empty" />
      ) : (
        <>
          <Timeline bulletSize={22} lineWidth={2} data-testid="case-timeline">
            {timeline.data.items.map((entry) => (
              <TimelineLine key={entry.id} entry={entry} />
            ))}
          </Timeline>
          {timeline.data.truncated && (
            <Text size="sm" c="dimmed">
              {intl.formatMessage({ id: 'caseOverview.truncated' })}
            </Text>
          )}
        </>
      )}
    </Stack>
  );
}

/** Says that the timeline names what happened and where to read more, without repeating it. */
function FileHint() {
  const intl = useIntl();
  return (
    <Group gap={4}>
      <IconFileText size={14} aria-hidden />
      <Text size="xs" c="dimmed">
        {intl.formatMessage({ id: 'caseOverview.timelineHint' })}
      </Text>
    </Group>
  );
}
