import { Accordion, Alert, Badge, Button, Card, Group, Loader, NumberInput, SimpleGrid, Stack, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { useNavigate, useParams } from 'react-router-dom';
import { INDICATOR_SET_ISSUES, indicatorSetsApi, type IndicatorSet } from '../../../shared/api/screening';
import { call } from '../../api/call';
import { ApiError } from '../../api/client';
import { ErrorAlert } from '../../common/ErrorAlert';
import { PageTitle } from '../../common/PageTitle';
import { fieldIssueMessage } from '../../forms/validation';
import { IndicatorFields, type IndicatorSetForm } from './IndicatorFields';

const NEW_INDICATOR = { code: '', category: 'general', element: 'act', form: null, weight: 1, strong: false, text: { ar: '', fr: '', en: '' } } as const;

/** A version's questions and thresholds: editable as the next version, or read-only for any version. */
function IndicatorSetEditor({ base, readOnly }: { base: IndicatorSet; readOnly: boolean }) {
  const intl = useIntl();
  const t = (id: string) => intl.formatMessage({ id });
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [opened, setOpened] = useState<string[]>([]);
  const inheritedCodes = new Set(base.indicators.map((i) => i.code));
  const form = useForm<IndicatorSetForm>({
    initialValues: { changeNote: '', thresholds: { ...base.thresholds }, indicators: base.indicators.map((i) => ({ ...i, text: { ...i.text } })) },
  });

  const save = useMutation({
    mutationFn: (values: IndicatorSetForm) => call(indicatorSetsApi.nextVersion, { params: { id: base.id }, body: values }),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: ['indicator-sets'] });
      notifications.show({ color: 'teal', message: intl.formatMessage({ id: 'indicatorSets.saved' }, { version: saved.version }) });
      navigate('/admin/indicator-sets');
    },
    onError: (error) => {
      if (!(error instanceof ApiError)) return;
      // The server's reasons are a closed list: each has a sentence, shown on its field.
      const errors: Record<string, string> = {};
      for (const issue of error.issues) {
        const known = (INDICATOR_SET_ISSUES as readonly string[]).includes(issue.reason);
        errors[issue.field] ??= known ? t(`indicatorSets.issue.${issue.reason}`) : fieldIssueMessage(intl, issue.reason);
      }
      form.setErrors(errors);
      // Unfold the indicators that have a problem, so it can be seen.
      setOpened((open) => [...new Set([...open, ...Object.keys(errors).map((field) => /^indicators\.(\d+)\./.exec(field)?.[1]).filter((i): i is string => Boolean(i))])]);
    },
  });
  const listError = form.errors['indicators'];

  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values))}>
      <Stack>
        <Card withBorder padding="md">
          <Title order={2} size="h4" mb="sm">
            {t('indicatorSets.thresholds')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <NumberInput label={t('indicatorSets.presumedScore')} min={1} max={100} allowDecimal={false} readOnly={readOnly} {...form.getInputProps('thresholds.presumedScore')} />
            <NumberInput label={t('indicatorSets.possibleScore')} min={1} max={100} allowDecimal={false} readOnly={readOnly} {...form.getInputProps('thresholds.possibleScore')} />
            <NumberInput
              label={t('indicatorSets.maxUnknownShare')}
              description={t('indicatorSets.maxUnknownShareHelp')}
              min={0}
              max={1}
              step={0.05}
              decimalScale={2}
              readOnly={readOnly}
              {...form.getInputProps('thresholds.maxUnknownShare')}
            />
          </SimpleGrid>
        </Card>
        <Group justify="space-between">
          <Title order={2} size="h4">
            {intl.formatMessage({ id: 'indicatorSets.indicators' }, { count: form.getValues().indicators.length })}
          </Title>
          {!readOnly && (
            <Button
              variant="light"
              leftSection={<IconPlus size={16} aria-hidden />}
              onClick={() => {
                form.insertListItem('indicators', { ...NEW_INDICATOR, text: { ...NEW_INDICATOR.text } });
                setOpened((open) => [...open, String(form.getValues().indicators.length)]);
              }}
              data-testid="indicator-add"
            >
              {t('indicatorSets.add')}
            </Button>
          )}
        </Group>
        {typeof listError === 'string' && <Alert color="red">{listError}</Alert>}
        <Accordion multiple value={opened} onChange={setOpened} variant="separated">
          {form.getValues().indicators.map((item, index) => (
            <IndicatorFields key={index} form={form} index={index} inherited={inheritedCodes.has(item.code) && index < base.indicators.length} readOnly={readOnly} />
          ))}
        </Accordion>
        {!readOnly && (
          <Card withBorder padding="md">
            <Stack>
              <Textarea label={t('indicatorSets.changeNote')} description={t('indicatorSets.changeNoteHelp')} autosize minRows={2} maxLength={1000} required {...form.getInputProps('changeNote')} data-testid="indicator-set-note" />
              <ErrorAlert error={save.error} />
              <Group>
                <Button type="submit" loading={save.isPending} data-testid="indicator-set-save">
                  {t('indicatorSets.save')}
                </Button>
                <Button variant="default" onClick={() => navigate('/admin/indicator-sets')}>
                  {t('indicatorSets.cancel')}
                </Button>
              </Group>
            </Stack>
          </Card>
        )}
      </Stack>
    </form>
  );
}

/** /admin/indicator-sets/new: the next version, starting as a copy of the active one. */
export function NewIndicatorSetPage() {
  const intl = useIntl();
  const current = useQuery({ queryKey: ['indicator-sets', 'current'], queryFn: () => call(indicatorSetsApi.current), staleTime: 0 });
  return (
    <>
      <PageTitle id="indicatorSets.new.title">
        {current.data && <Badge size="lg" variant="light">{intl.formatMessage({ id: 'indicatorSets.copyOf' }, { version: current.data.version })}</Badge>}
      </PageTitle>
      {current.isPending ? <Loader /> : current.error ? <ErrorAlert error={current.error} /> : <IndicatorSetEditor base={current.data} readOnly={false} />}
    </>
  );
}

/** /admin/indicator-sets/:id: one version as it was saved (versions never change). */
export function IndicatorSetPage() {
  const { id = '' } = useParams();
  const intl = useIntl();
  const set = useQuery({ queryKey: ['indicator-sets', id], queryFn: () => call(indicatorSetsApi.one, { params: { id } }) });
  return (
    <>
      <PageTitle id="indicatorSets.view.title">
        {set.data && (
          <Group gap="xs">
            <Badge size="lg" variant="light">{intl.formatMessage({ id: 'screening.indicatorVersion.value' }, { version: set.data.version })}</Badge>
            {set.data.isCurrent && <Badge size="lg" color="teal">{intl.formatMessage({ id: 'indicatorSets.active' })}</Badge>}
          </Group>
        )}
      </PageTitle>
      {set.isPending ? <Loader /> : set.error ? <ErrorAlert error={set.error} /> : <IndicatorSetEditor base={set.data} readOnly />}
    </>
  );
}
