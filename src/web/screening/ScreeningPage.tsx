import { Anchor, Badge, Grid, Group, Loader, SimpleGrid, Stack, Text } from '@mantine/core';
import { useIntl } from 'react-intl';
import { Link, useParams } from 'react-router-dom';
import { ErrorAlert } from '../common/ErrorAlert';
import { PageTitle } from '../common/PageTitle';
import { useLocale } from '../i18n/locale-context';
import { countryLabel, formatDay, formatMoment, provinceLabel, regionLabel, victimLanguageLabel } from '../cases/labels';
import { DecisionPanel } from './DecisionPanel';
import { IndicatorsStep, SectionCard } from './IndicatorsStep';
import { NextStepsPanel } from './NextStepsPanel';
import { OpenCasePanel } from './OpenCasePanel';
import { OutcomePanel } from './OutcomePanel';
import { OUTCOME_COLOR } from './labels';
import { useIndicatorSet, useScreening } from './screeningApi';

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{children}</Text>
    </div>
  );
}

/** One screening: context, person basics, the answers with the questions of the version used, the outcome and the decision. */
export function ScreeningPage() {
  const { id = '' } = useParams();
  const intl = useIntl();
  const { locale } = useLocale();
  const t = (key: string) => intl.formatMessage({ id: key });
  const screening = useScreening(id);
  const set = useIndicatorSet(screening.data?.indicatorSetId);

  if (screening.isPending) return <Loader />;
  if (screening.error) return <ErrorAlert error={screening.error} />;
  const s = screening.data;
  const indicators = set.data?.indicators ?? [];

  return (
    <>
      <PageTitle id="screening.detail.title">
        <Group gap="xs">
          <Badge size="lg" variant="light">
            <bdi data-testid="screening-reference">{s.reference}</bdi>
          </Badge>
          {s.outcome && (
            <Badge size="lg" color={OUTCOME_COLOR[s.outcome]} data-testid="screening-final-outcome">
              {t(`screening.outcome.${s.outcome}`)}
            </Badge>
          )}
        </Group>
      </PageTitle>
      <Grid>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack>
            <SectionCard title={t('screening.step.context')}>
              <SimpleGrid cols={2}>
                <Fact label={t('screening.context')}>{t(`screening.context.${s.context}`)}</Fact>
                <Fact label={t('screening.date')}>{formatDay(intl, s.screenedOn)}</Fact>
                {s.campaignName && <Fact label={t('screening.campaignName')}>{s.campaignName}</Fact>}
                {s.vulnerableGroup && <Fact label={t('screening.vulnerableGroup')}>{t(`screening.group.${s.vulnerableGroup}`)}</Fact>}
                <Fact label={t('screening.region')}>{regionLabel(s.region, locale)}</Fact>
                <Fact label={t('screening.province')}>{provinceLabel(s.province, locale)}</Fact>
                {s.place && <Fact label={t('screening.place')}>{s.place}</Fact>}
                {s.reportReference && (
                  <Fact label={t('screening.report')}>
                    <Anchor component={Link} to={`/reports/${s.reportId}`}>
                      <bdi>{s.reportReference}</bdi>
                    </Anchor>
                  </Fact>
                )}
                <Fact label={t('screening.indicatorVersion')}>{intl.formatMessage({ id: 'screening.indicatorVersion.value' }, { version: s.indicatorSetVersion })}</Fact>
                <Fact label={t('screening.createdBy')}>{`${s.createdByName} · ${s.ownerAgencyName}`}</Fact>
              </SimpleGrid>
            </SectionCard>
            <SectionCard title={t('screening.step.person')}>
              <SimpleGrid cols={2}>
                <Fact label={t('screening.person.ageBand')}>{t(`screening.ageBand.${s.ageBand}`)}</Fact>
                <Fact label={t('screening.person.sex')}>{t(`screening.sex.${s.sex}`)}</Fact>
                <Fact label={t('screening.person.nationality')}>{countryLabel(intl, s.nationality)}</Fact>
                <Fact label={t('screening.person.language')}>{s.language ? victimLanguageLabel(intl, s.language) : '—'}</Fact>
                <Fact label={t('screening.person.isChild')}>{t(s.isChild ? 'screening.yes' : 'screening.no')}</Fact>
              </SimpleGrid>
            </SectionCard>
            {s.decisionStatus !== 'pending' && (
              <SectionCard title={t('screening.decision.title')}>
                <SimpleGrid cols={2}>
                  <Fact label={t('screening.decision.by')}>{s.decidedByName ?? '—'}</Fact>
                  <Fact label={t('screening.decision.at')}>{formatMoment(intl, s.decidedAt)}</Fact>
                  {s.overrideReason && <Fact label={t('screening.decision.reason')}>{s.overrideReason}</Fact>}
                  {s.caseId && (
                    <Fact label={t('screening.column.case')}>
                      <Anchor component={Link} to={`/cases/${s.caseId}`} data-testid="screening-case-link">
                        <bdi>{s.caseNumber ?? t('screening.case.view')}</bdi>
                      </Anchor>
                    </Fact>
                  )}
                </SimpleGrid>
              </SectionCard>
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack>
            <OutcomePanel suggestion={s.suggestion} indicators={indicators} />
            {s.allowedActions.includes('screening.decide') && <DecisionPanel screening={s} />}
            {s.allowedActions.includes('screening.openCase') && <OpenCasePanel screening={s} />}
            {s.outcome === 'smuggled_migrant' && <NextStepsPanel screeningId={s.id} />}
            <SectionCard title={t('screening.step.indicators')}>
              {set.isPending ? <Loader size="sm" /> : <IndicatorsStep indicators={indicators} isChild={s.isChild} answers={s.answers} />}
            </SectionCard>
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}
