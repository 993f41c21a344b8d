import { Badge, Card, Group, Paper, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useIntl } from 'react-intl';
import { INDICATOR_ANSWERS, INDICATOR_CATEGORIES, type Indicator, type IndicatorAnswer } from '../../shared/api/screening';
import { useLocale } from '../i18n/locale-context';
import { indicatorText } from './labels';

const ANSWER_COLOR: Record<IndicatorAnswer, string> = { yes: 'red', no: 'teal', unknown: 'gray' };

function StrongBadge({ label }: { label: string }) {
  return (
    <Badge size="xs" color="red" variant="light">
      {label}
    </Badge>
  );
}

interface IndicatorsStepProps {
  indicators: readonly Indicator[];
  isChild: boolean;
  answers: Readonly<Record<string, IndicatorAnswer>>;
  onAnswer?: (code: string, answer: IndicatorAnswer) => void;
}

/**
 * Step 3: the indicators grouped by category, each answered yes / no / unknown
 * (unknown until asked). Child-specific questions appear only for a child.
 * Read-only (no `onAnswer`) it shows a past screening's answers.
 */
export function IndicatorsStep({ indicators, isChild, answers, onAnswer }: IndicatorsStepProps) {
  const intl = useIntl();
  const { locale } = useLocale();
  const t = (id: string) => intl.formatMessage({ id });
  const groups = INDICATOR_CATEGORIES.filter((c) => isChild || c !== 'child')
    .map((category) => ({ category, items: indicators.filter((i) => i.category === category) }))
    .filter((g) => g.items.length > 0);

  return (
    <Stack gap="lg">
      {onAnswer && (
        <Text size="sm" c="dimmed">
          {t('screening.indicators.help')}
        </Text>
      )}
      {groups.map(({ category, items }) => (
        <Stack key={category} gap="xs" data-testid={`indicator-group-${category}`}>
          <Title order={3} size="h4">
            {t(`screening.category.${category}`)}
          </Title>
          {onAnswer ? (
            items.map((indicator) => {
              const answer = answers[indicator.code] ?? 'unknown';
              return (
                <Paper key={indicator.code} withBorder p="sm" radius="md" data-testid={`indicator-${indicator.code}`} data-answer={answer}>
                  <Stack gap={6}>
                    <Group gap="xs" wrap="nowrap" align="flex-start">
                      <Text size="sm" style={{ flex: 1 }}>
                        {indicatorText(indicator, locale)}
                      </Text>
                      {indicator.strong && <StrongBadge label={t('screening.indicators.strong')} />}
                    </Group>
                    <SegmentedControl
                      fullWidth
                      size="sm"
                      value={answer}
                      onChange={(value) => onAnswer(indicator.code, value as IndicatorAnswer)}
                      aria-label={indicatorText(indicator, locale)}
                      color={ANSWER_COLOR[answer]}
                      data={INDICATOR_ANSWERS.map((value) => ({
                        value,
                        label: <span data-testid={`indicator-${indicator.code}-${value}`}>{t(`screening.answer.${value}`)}</span>,
                      }))}
                    />
                  </Stack>
                </Paper>
              );
            })
          ) : (
            <Table verticalSpacing={4}>
              <Table.Tbody>
                {items.map((indicator) => {
                  const answer = answers[indicator.code] ?? 'unknown';
                  return (
                    <Table.Tr key={indicator.code} data-testid={`indicator-${indicator.code}`} data-answer={answer}>
                      <Table.Td>
                        <Text size="sm">{indicatorText(indicator, locale)}</Text>
                        {indicator.strong && <StrongBadge label={t('screening.indicators.strong')} />}
                      </Table.Td>
                      <Table.Td w={110}>
                        <Badge variant={answer === 'unknown' ? 'outline' : 'light'} color={ANSWER_COLOR[answer]}>
                          {t(`screening.answer.${answer}`)}
                        </Badge>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          )}
        </Stack>
      ))}
    </Stack>
  );
}

/** A compact card around a section (used by the detail page). */
export function SectionCard({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Card withBorder padding="md">
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      {children}
    </Card>
  );
}
