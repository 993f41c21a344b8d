import { ActionIcon, Button, Checkbox, Group, Select, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import type { CaseDetail } from '../../shared/api/cases';
import { careApi, MILESTONE_KINDS, RETURN_STATUSES, type ReturnInput, type ReturnPlan } from '../../shared/api/care';
import { call } from '../api/call';
import { ErrorAlert } from '../common/ErrorAlert';
import { CaseDatesProvider, DayInput } from '../cases/CaseDates';
import { useCountryOptions } from '../common/useCountryOptions';
import { referralKeys } from './referralApi';
import { useCareAccess } from './useCareAccess';

type Milestone = ReturnPlan['milestones'][number];
const EMPTY = { status: 'planned' as ReturnPlan['status'], returnCountry: null as string | null, returnDate: null as string | null, iomInvolved: false, note: '', milestones: [] as Milestone[], version: 0 };

/** Voluntary return (country, date, IOM involvement) and the reintegration milestones after it. */
export function ReturnPanel({ caseData }: { caseData: CaseDetail }) {
  const intl = useIntl();
  const countries = useCountryOptions();
  const t = (id: string) => intl.formatMessage({ id });
  const queryClient = useQueryClient();
  const may = useCareAccess(caseData)('return.manage');
  const key = referralKeys.caseRecords(caseData.id, 'return');
  const loaded = useQuery({ queryKey: key, queryFn: () => call(careApi.returnPlan, { params: { id: caseData.id } }) });
  const [values, setValues] = useState(EMPTY);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    const plan = loaded.data?.plan;
    if (plan) setValues({ ...plan, note: plan.note ?? '' });
  }, [loaded.data]);
  const set = (patch: Partial<typeof EMPTY>) => setValues((v) => ({ ...v, ...patch }));
  const setMilestone = (i: number, patch: Partial<Milestone>) => set({ milestones: values.milestones.map((m, j) => (j === i ? { ...m, ...patch } : m)) });

  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      const { returnCountry } = values;
      if (!returnCountry) return; // the save button waits for a country
      const body = { ...values, returnCountry: returnCountry as ReturnInput['returnCountry'], note: values.note.trim() || null };
      const result = await call(careApi.saveReturnPlan, { params: { id: caseData.id }, body });
      queryClient.setQueryData(key, result);
      notifications.show({ color: 'teal', message: t('common.saved') });
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <CaseDatesProvider>
      <Stack maw={760} data-testid="case-return">
        <ErrorAlert error={error ?? loaded.error} />
        {!loaded.data?.plan && <Text c="dimmed">{t('return.empty')}</Text>}
        <Group grow align="flex-start">
          <Select label={t('return.status')} data={RETURN_STATUSES.map((s) => ({ value: s, label: t(`returnStatus.${s}`) }))} value={values.status} onChange={(v) => set({ status: (v ?? 'planned') as ReturnPlan['status'] })} allowDeselect={false} disabled={!may} data-testid="return-status" />
          <Select label={t('return.country')} data={countries} value={values.returnCountry} onChange={(v) => set({ returnCountry: v })} searchable required disabled={!may} data-testid="return-country" />
          <DayInput label={t('return.date')} value={values.returnDate} onChange={(v) => set({ returnDate: v })} clearable disabled={!may} data-testid="return-date" />
        </Group>
        <Checkbox label={t('return.iom')} checked={values.iomInvolved} onChange={(e) => set({ iomInvolved: e.currentTarget.checked })} disabled={!may} data-testid="return-iom" />
        <Textarea label={t('return.note')} value={values.note} onChange={(e) => set({ note: e.currentTarget.value })} autosize minRows={2} maxLength={5000} disabled={!may} />
        <Text fw={600}>{t('return.milestones')}</Text>
        {values.milestones.map((m, i) => (
          <Group key={i} align="flex-end" data-testid="return-milestone">
            <Select label={t('return.milestone')} data={MILESTONE_KINDS.map((k) => ({ value: k, label: t(`milestone.${k}`) }))} value={m.kind} onChange={(v) => setMilestone(i, { kind: (v ?? 'other') as Milestone['kind'] })} allowDeselect={false} disabled={!may} style={{ flex: 1 }} />
            <DayInput label={t('return.targetDate')} value={m.targetDate} onChange={(v) => setMilestone(i, { targetDate: v })} clearable disabled={!may} />
            <DayInput label={t('return.achievedOn')} value={m.achievedOn} onChange={(v) => setMilestone(i, { achievedOn: v })} clearable disabled={!may} />
            {may && (
              <ActionIcon variant="subtle" color="red" aria-label={t('return.removeMilestone')} onClick={() => set({ milestones: values.milestones.filter((_, j) => j !== i) })}>
                <IconTrash size={16} aria-hidden />
              </ActionIcon>
            )}
          </Group>
        ))}
        {may && (
          <Group>
            <Button variant="light" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => set({ milestones: [...values.milestones, { kind: 'reception_on_arrival', targetDate: null, achievedOn: null, note: null }] })} data-testid="return-milestone-add">
              {t('return.addMilestone')}
            </Button>
            <Button loading={busy} disabled={!values.returnCountry} onClick={() => void save()} data-testid="return-save">
              {t('common.save')}
            </Button>
          </Group>
        )}
      </Stack>
    </CaseDatesProvider>
  );
}
