import { Alert, Anchor, Badge, Center, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { IconGitMerge } from '@tabler/icons-react';
import { useEffect } from 'react';
import { useIntl } from 'react-intl';
import { Link, useParams } from 'react-router-dom';
import type { CaseDetail } from '../../shared/api/cases';
import { ApiError } from '../api/client';
import { ErrorAlert } from '../common/ErrorAlert';
import { ForbiddenPage, NotFoundPage } from '../common/StatusPages';
import { BRAND_NAME } from '../i18n/untranslatable';
import { useLocale } from '../i18n/locale-context';
import { CLOSED_CASE_STATUSES } from '../../shared/htcds/case';
import { CaseStatusBadge, ChildBadge, RiskBadge, TraffickingStatusBadge } from './CaseBadges';
import { ReflectionAlert } from './reflection';
import { useCase } from './caseApi';
import { CaseTabs } from './CaseTabs';
import { formatDay, regionLabel } from './labels';

/**
 * Case number, badges (a child's case first), owner and the reflection period: what the reader
 * checks before touching anything. The record's version is internal (it guards concurrent
 * edits) and never shown.
 */
function CaseHeader({ caseData }: { caseData: CaseDetail }) {
  const intl = useIntl();
  const { locale } = useLocale();
  const t = (id: string) => intl.formatMessage({ id });
  useEffect(() => {
    // The number only, never the person's name: tab titles end up in browser history.
    document.title = `${caseData.caseNumber} · ${BRAND_NAME}`;
  }, [caseData.caseNumber]);
  return (
    <Paper withBorder p="md" mb="md">
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap">
          <Group gap="sm" wrap="wrap">
            <Title order={1} size="h2" data-testid="page-heading">
              <bdi data-testid="case-number">{caseData.caseNumber}</bdi>
            </Title>
            <ChildBadge isMinor={caseData.isMinor} />
            <CaseStatusBadge status={caseData.status} />
            <TraffickingStatusBadge status={caseData.traffickingStatus} />
            <RiskBadge level={caseData.riskLevel} />
            {caseData.nonPunishment && (
              <Badge color="indigo" variant="light" data-testid="case-non-punishment">
                {t('cases.header.nonPunishment')}
              </Badge>
            )}
          </Group>
        </Group>
        <Text size="sm" c="dimmed">
          {intl.formatMessage(
            { id: 'cases.header.summary' },
            { agency: caseData.ownerAgencyName, opened: formatDay(intl, caseData.openedAt), region: regionLabel(caseData.region, locale) },
          )}
        </Text>
        <ReflectionAlert end={caseData.reflectionEnd} alertDays={caseData.reflectionAlertDays} closed={CLOSED_CASE_STATUSES.includes(caseData.status)} />
        {caseData.mergedIntoCaseId && (
          <Alert color="gray" icon={<IconGitMerge aria-hidden />} data-testid="case-merged-alert">
            {t('cases.header.merged')}{' '}
            <Anchor component={Link} to={`/cases/${caseData.mergedIntoCaseId}`}>
              {t('cases.header.mergedOpen')}
            </Anchor>
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}

/**
 * One case. A 404 and a malformed id look the same, so the page never reveals
 * whether a case exists; a role without case access gets the Forbidden page.
 */
export function CasePage() {
  const { id = '' } = useParams();
  const intl = useIntl();
  const caseQuery = useCase(id);
  if (caseQuery.isPending) {
    return (
      <Center py="xl">
        <Loader role="status" aria-label={intl.formatMessage({ id: 'cases.loading' })} />
      </Center>
    );
  }
  if (caseQuery.error instanceof ApiError) {
    if (caseQuery.error.status === 403) return <ForbiddenPage />;
    if (caseQuery.error.status === 404 || caseQuery.error.status === 400) return <NotFoundPage />;
  }
  if (caseQuery.isError) return <ErrorAlert error={caseQuery.error} />;
  return (
    <>
      <Anchor component={Link} to="/cases" size="sm">
        {intl.formatMessage({ id: 'cases.backToList' })}
      </Anchor>
      <CaseHeader caseData={caseQuery.data} />
      <CaseTabs caseData={caseQuery.data} />
    </>
  );
}
