import { Badge, Card, Group, List, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCheck, IconMinus } from '@tabler/icons-react';
import { useIntl } from 'react-intl';
import type { Indicator, Suggestion } from '../../shared/api/screening';
import { useLocale } from '../i18n/locale-context';
import { OUTCOME_COLOR, indicatorText, reasonText } from './labels';

const ELEMENTS = ['act', 'means', 'purpose', 'smuggling'] as const;

/** The suggested outcome with the Palermo elements found and the reasons, so the responder sees why. */
export function OutcomePanel({ suggestion, indicators }: { suggestion: Suggestion; indicators: readonly Indicator[] }) {
  const intl = useIntl();
  const { locale } = useLocale();
  const t = (id: string) => intl.formatMessage({ id });
  const byCode = new Map(indicators.map((i) => [i.code, i]));

  return (
    <Card withBorder padding="md" data-testid="screening-result">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('screening.result.suggested')}
        </Text>
        <Group gap="xs">
          <Badge size="xl" color={OUTCOME_COLOR[suggestion.outcome]} data-testid="screening-outcome" data-outcome={suggestion.outcome}>
            {t(`screening.outcome.${suggestion.outcome}`)}
          </Badge>
        </Group>
        <Text size="sm">{t(`screening.outcomeHelp.${suggestion.outcome}`)}</Text>

        <Title order={3} size="h5">
          {t('screening.result.elements')}
        </Title>
        <Group gap="xs" data-testid="screening-elements">
          {ELEMENTS.map((element) => {
            const found = suggestion.elements[element];
            const notNeeded = element === 'means' && !suggestion.elements.meansRequired && !found;
            return (
              <Badge
                key={element}
                variant={found ? 'filled' : 'outline'}
                color={found ? (element === 'smuggling' ? 'blue' : 'teal') : 'gray'}
                leftSection={found ? <IconCheck size={12} aria-hidden /> : <IconMinus size={12} aria-hidden />}
                data-testid={`screening-element-${element}`}
                data-found={found}
              >
                {t(`screening.element.${element}`)}
                {' · '}
                {t(found ? 'screening.element.found' : notNeeded ? 'screening.element.notNeeded' : 'screening.element.notFound')}
              </Badge>
            );
          })}
        </Group>
        <Text size="sm" c="dimmed">
          {intl.formatMessage({ id: 'screening.result.score' }, { score: suggestion.score })}
        </Text>

        <Title order={3} size="h5">
          {t('screening.result.reasons')}
        </Title>
        <List spacing="xs" data-testid="screening-reasons">
          {suggestion.reasons.map((reason, index) => (
            <List.Item
              key={`${reason.code}-${index}`}
              icon={
                <ThemeIcon size={18} radius="xl" variant="light" color="gray">
                  <IconCheck size={12} aria-hidden />
                </ThemeIcon>
              }
              data-reason={reason.code}
            >
              <Text size="sm">{reasonText(intl, reason)}</Text>
              {reason.indicators.length > 0 && (
                <List size="sm" c="dimmed" withPadding>
                  {reason.indicators.map((code) => (
                    <List.Item key={code}>{byCode.has(code) ? indicatorText(byCode.get(code)!, locale) : code}</List.Item>
                  ))}
                </List>
              )}
            </List.Item>
          ))}
        </List>
      </Stack>
    </Card>
  );
}
