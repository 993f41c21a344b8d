import { Alert, Anchor, Badge, Button, Center, Group, Loader, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useIntl } from 'react-intl';
import { Link, useParams } from 'react-router-dom';
import { reportsApi } from '../../shared/api/reports';
import { call } from '../api/call';
import { ApiError } from '../api/client';
import { hasPermission, useMe } from '../api/session';
import { ErrorAlert } from '../common/ErrorAlert';
import { PageTitle } from '../common/PageTitle';
import { ForbiddenPage, NotFoundPage } from '../common/StatusPages';
import { useLocale } from '../i18n/locale-context';
import { victimLanguageLabel } from '../cases/labels';
import { DispatchList } from './DispatchList';
import { ReportActionModal, type ReportAction } from './ReportActionModal';
import { URGENCY_COLOR, regionLabel } from './labels';
import { useReportsPulse } from './useReportsPulse';

const ACTIONS: { action: ReportAction; permission: string }[] = [
  { action: 'triage', permission: 'report.triage' },
  { action: 'dispatch', permission: 'report.dispatch' },
  { action: 'close', permission: 'report.close' },
];

function Field({ labelId, children }: { labelId: string; children: ReactNode }) {
  const intl = useIntl();
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed">
        {intl.formatMessage({ id: labelId })}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </Stack>
  );
}

/** One report: what was said, where it was sent and who confirmed, with the operator's next steps. */
export function ReportPage() {
  const { id = '' } = useParams();
  const intl = useIntl();
  const { locale } = useLocale();
  const [action, setAction] = useState<ReportAction | null>(null);
  const [conflict, setConflict] = useState(false);
  const me = useMe().data;
  const canScreen = hasPermission(me, 'screening.create');
  // A dispatch acknowledged, an addition from the reporter: the page follows without a reload.
  useReportsPulse();
  const report = useQuery({
    queryKey: ['reports', 'detail', id],
    queryFn: () => call(reportsApi.detail, { params: { id } }),
    retry: false,
  });
  const t = (key: string) => intl.formatMessage({ id: key });

  if (report.isPending) {
    return (
      <Center py="xl">
        <Loader />
      </Center>
    );
  }
  if (report.error instanceof ApiError) {
    if (report.error.status === 403) return <ForbiddenPage />;
    if (report.error.status === 404 || report.error.status === 400) return <NotFoundPage />;
  }
  if (report.isError) return <ErrorAlert error={report.error} />;
  const r = report.data;
  const unknown = t('report.field.unknown');
  const minors = r.minorsInvolved === null ? unknown : t(r.minorsInvolved ? 'common.yes' : 'common.no');
  // After the retention rule erased the content, each erased field says so and when, rather than looking empty.
  const erased = r.erasedAt ? intl.formatMessage({ id: 'report.field.erased' }, { date: intl.formatDate(r.erasedAt, { dateStyle: 'long' }) }) : null;

  return (
    <>
      <PageTitle id="report.detail.title">
        <Group gap="xs">
          {/* A responder sent to this report screens the person from here; the screening links back to it. */}
          {canScreen && r.status !== 'closed' && (
            <Button component={Link} to={`/screenings/new?reportId=${r.id}`} variant="filled" data-testid="report-screen">
              {t('report.action.screen')}
            </Button>
          )}
          {ACTIONS.filter((a) => r.allowedActions.includes(a.permission)).map((a) => (
            <Button key={a.action} variant={a.action === 'close' ? 'default' : 'light'} onClick={() => setAction(a.action)} data-testid={`report-open-${a.action}`}>
              {t(`report.action.${a.action}`)}
            </Button>
          ))}
        </Group>
      </PageTitle>
      <Stack gap="md">
        <Anchor component={Link} to="/reports" size="sm">
          {t('report.detail.back')}
        </Anchor>
        {conflict && (
          <Alert color="orange" role="alert" data-testid="report-conflict">
            {t('report.conflict')}
          </Alert>
        )}
        {r.erasedAt && (
          <Alert color="gray" data-testid="report-erased">
            {intl.formatMessage({ id: 'report.erased.notice' }, { date: intl.formatDate(r.erasedAt, { dateStyle: 'long' }) })}
          </Alert>
        )}
        <Group gap="xs">
          <Text ff="monospace" fw={700} dir="ltr" data-testid="report-reference">
            {r.reference}
          </Text>
          <Badge color={URGENCY_COLOR[r.urgency]} variant={r.urgency === 'immediate_danger' ? 'filled' : 'light'}>
            {t(`report.urgency.${r.urgency}`)}
          </Badge>
          <Badge variant="outline" data-testid="report-status">
            {t(`report.status.${r.status}`)}
          </Badge>
        </Group>
        <Paper withBorder p="md">
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Field labelId="report.field.kind">{t(`report.kind.${r.kind}`)}</Field>
            <Field labelId="report.field.channel">{t(`report.channel.${r.channel}`)}</Field>
            <Field labelId="report.field.receivedAt">{intl.formatDate(r.receivedAt, { dateStyle: 'medium', timeStyle: 'short' })}</Field>
            <Field labelId="report.field.callerType">{r.callerType ? t(`publicReport.callerType.${r.callerType}`) : unknown}</Field>
            <Field labelId="report.field.region">{regionLabel(r.region, locale)}</Field>
            <Field labelId="report.field.province">{erased ?? <bdi>{r.province ?? unknown}</bdi>}</Field>
            <Field labelId="report.field.language">{r.language ? victimLanguageLabel(intl, r.language) : unknown}</Field>
            <Field labelId="report.field.peopleAtRisk">{r.peopleAtRisk === null ? unknown : intl.formatNumber(r.peopleAtRisk)}</Field>
            <Field labelId="report.field.minors">{minors}</Field>
            {erased && <Field labelId="report.field.contact">{erased}</Field>}
            {r.reporterContact && (
              <Field labelId="report.field.contact">
                <bdi data-testid="report-contact">{r.reporterContact}</bdi>
                {/* Outside the hotline, only the unit sent to an emergency sees it, and each reading is recorded. */}
                {!hasPermission(me, 'report.dispatch') && (
                  <Text size="xs" c="dimmed" data-testid="report-contact-note">
                    {t('report.field.contact.dispatchedNote')}
                  </Text>
                )}
              </Field>
            )}
            {r.closureReason && <Field labelId="report.field.closureReason">{t(`report.closure.${r.closureReason}`)}</Field>}
          </SimpleGrid>
        </Paper>
        <Field labelId="report.field.forms">{r.exploitationForms.length ? r.exploitationForms.map((f) => t(`publicReport.form.${f}`)).join(' · ') : unknown}</Field>
        <Paper withBorder p="md">
          <Field labelId="report.field.narrative">
            <Text size="sm" dir="auto" style={{ whiteSpace: 'pre-wrap' }} data-testid="report-narrative">
              {erased ?? r.narrative ?? unknown}
            </Text>
          </Field>
        </Paper>
        {r.additions.length > 0 && (
          <Stack gap="xs">
            <Title order={2} size="h4">
              {t('report.additions.title')}
            </Title>
            {r.additions.map((a) => (
              <Paper key={a.id} withBorder p="sm">
                <Text size="xs" c="dimmed">
                  {intl.formatDate(a.receivedAt, { dateStyle: 'medium', timeStyle: 'short' })}
                </Text>
                <Text size="sm" dir="auto" style={{ whiteSpace: 'pre-wrap' }}>
                  {a.text}
                </Text>
              </Paper>
            ))}
          </Stack>
        )}
        <Title order={2} size="h4">
          {t('report.dispatches.title')}
        </Title>
        <DispatchList report={r} onChanged={() => void report.refetch()} />
        {r.linkedCases.length > 0 && (
          <Field labelId="report.linkedCases.title">
            <Group gap="sm">
              {r.linkedCases.map((linked) =>
                hasPermission(me, 'case.read') ? (
                  <Anchor key={linked.id} component={Link} to={`/cases/${linked.id}`} ff="monospace" size="sm" dir="ltr" data-testid="report-linked-case">
                    {linked.caseNumber}
                  </Anchor>
                ) : (
                  <Text key={linked.id} span ff="monospace" size="sm" dir="ltr" data-testid="report-linked-case">
                    {linked.caseNumber}
                  </Text>
                ),
              )}
            </Group>
          </Field>
        )}
      </Stack>
      {action && (
        <ReportActionModal
          report={r}
          action={action}
          onClose={() => setAction(null)}
          onDone={(wasConflict) => {
            setAction(null);
            setConflict(wasConflict);
            void report.refetch();
          }}
        />
      )}
    </>
  );
}
