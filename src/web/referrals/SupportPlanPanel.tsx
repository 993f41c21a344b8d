import { Badge, Button, Card, Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import type { CaseDetail } from '../../shared/api/cases';
import { careApi, SUPPORT_PLAN_TYPES, type SupportPlan } from '../../shared/api/care';
import { call } from '../api/call';
import { ErrorAlert } from '../common/ErrorAlert';
import { reportFormError } from '../forms/serverErrors';
import { CaseDatesProvider, DayInput } from '../cases/CaseDates';
import { formatDay } from '../cases/labels';
import { referralKeys, useCareItems } from './referralApi';
import { useCareAccess } from './useCareAccess';

interface PlanValues { type: SupportPlan['type'] | null; objectives: string; actionPlan: string; plannedEndDate: string | null; actualEndDate: string | null }

/** Adds a plan, or edits one against the version it was read at (a stale edit shows the conflict). */
function PlanFormModal({ caseId, plan, onClose, onSaved }: { caseId: string; plan: SupportPlan | null; onClose: () => void; onSaved: (items: SupportPlan[]) => void }) {
  const intl = useIntl();
  const t = (id: string) => intl.formatMessage({ id });
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<PlanValues>({
    initialValues: { type: plan?.type ?? null, objectives: plan?.objectives ?? '', actionPlan: plan?.actionPlan ?? '', plannedEndDate: plan?.plannedEndDate ?? null, actualEndDate: plan?.actualEndDate ?? null },
    validate: { type: (v) => (v ? null : t('validation.required')), objectives: (v) => (v.trim() ? null : t('validation.required')) },
  });
  const submit = form.onSubmit(async (v) => {
    setFormError(null);
    if (!v.type) return; // the form's validation requires it
    const body = { type: v.type, objectives: v.objectives.trim(), actionPlan: v.actionPlan.trim() || null, plannedEndDate: v.plannedEndDate || null, actualEndDate: v.actualEndDate || null };
    try {
      const saved = plan
        ? await call(careApi.updateSupportPlan, { params: { id: caseId, planId: plan.id }, body: { ...body, version: plan.version } })
        : await call(careApi.createSupportPlan, { params: { id: caseId }, body });
      onSaved(saved.items);
    } catch (error) {
      setFormError(reportFormError(intl, error, form, Object.keys(body)));
    }
  });
  return (
    <Modal opened onClose={onClose} title={t(plan ? 'supportPlan.edit' : 'supportPlan.add')} size="lg">
      <CaseDatesProvider>
        <form onSubmit={submit} noValidate data-testid="support-plan-form">
          <Stack>
            <ErrorAlert message={formError} />
            <Select label={t('supportPlan.type')} data={SUPPORT_PLAN_TYPES.map((c) => ({ value: c, label: t(`supportPlanType.${c}`) }))} required data-testid="support-plan-type" {...form.getInputProps('type')} />
            <Textarea label={t('supportPlan.objectives')} required autosize minRows={2} maxLength={5000} data-testid="support-plan-objectives" {...form.getInputProps('objectives')} />
            <Textarea label={t('supportPlan.actionPlan')} autosize minRows={3} maxLength={10000} data-testid="support-plan-actions" {...form.getInputProps('actionPlan')} />
            <Group grow>
              <DayInput label={t('supportPlan.plannedEnd')} clearable data-testid="support-plan-planned-end" {...form.getInputProps('plannedEndDate')} />
              <DayInput label={t('supportPlan.actualEnd')} clearable data-testid="support-plan-actual-end" {...form.getInputProps('actualEndDate')} />
            </Group>
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
              <Button type="submit" loading={form.submitting} data-testid="support-plan-submit">{t('common.save')}</Button>
            </Group>
          </Stack>
        </form>
      </CaseDatesProvider>
    </Modal>
  );
}

/** The case's support plans (HTCDS spl_): objectives, actions, planned and actual end. */
export function SupportPlanPanel({ caseData }: { caseData: CaseDetail }) {
  const intl = useIntl();
  const t = (id: string) => intl.formatMessage({ id });
  const queryClient = useQueryClient();
  const may = useCareAccess(caseData)('supportPlan.manage');
  const plans = useCareItems(caseData.id, 'support-plans');
  const [editing, setEditing] = useState<SupportPlan | 'new' | null>(null);

  return (
    <Stack data-testid="case-support-plans">
      {may && (
        <Group justify="flex-end">
          <Button onClick={() => setEditing('new')} data-testid="support-plan-add">{t('supportPlan.add')}</Button>
        </Group>
      )}
      <ErrorAlert error={plans.error} />
      {plans.data?.items.length === 0 && <Text c="dimmed">{t('supportPlan.empty')}</Text>}
      {(plans.data?.items ?? []).map((plan) => (
        <Card key={plan.id} withBorder data-testid="support-plan">
          <Group justify="space-between">
            <Badge variant="light">{t(`supportPlanType.${plan.type}`)}</Badge>
            <Text size="xs" c="dimmed">
              {intl.formatMessage({ id: 'supportPlan.dates' }, { planned: formatDay(intl, plan.plannedEndDate), actual: formatDay(intl, plan.actualEndDate) })}
            </Text>
          </Group>
          <Text mt="xs" fw={500}>{plan.objectives}</Text>
          {plan.actionPlan && <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{plan.actionPlan}</Text>}
          {may && (
            <Group justify="flex-end">
              <Button size="xs" variant="subtle" onClick={() => setEditing(plan)} data-testid="support-plan-edit">{t('common.edit')}</Button>
            </Group>
          )}
        </Card>
      ))}
      {editing && (
        <PlanFormModal
          caseId={caseData.id}
          plan={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={(items) => {
            queryClient.setQueryData(referralKeys.caseRecords(caseData.id, 'support-plans'), { items });
            setEditing(null);
          }}
        />
      )}
    </Stack>
  );
}
