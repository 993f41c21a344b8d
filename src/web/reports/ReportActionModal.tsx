import { Button, Group, Modal, Select, Stack } from '@mantine/core';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { DISPATCH_PURPOSES, REPORT_CLOSURE_REASONS, REPORT_KINDS, REPORT_URGENCIES, reportsApi, type ReportDetail, type ReportKind, type ReportUrgency } from '../../shared/api/reports';
import { call } from '../api/call';
import { ApiError } from '../api/client';
import { ErrorAlert } from '../common/ErrorAlert';
import { errorMessage } from '../forms/validation';
import { codeOptions } from './labels';
import { useDispatchTargets } from './useDispatchTargets';

export type ReportAction = 'triage' | 'dispatch' | 'close';
type DispatchPurpose = (typeof DISPATCH_PURPOSES)[number];
type ClosureReason = (typeof REPORT_CLOSURE_REASONS)[number];

/** One modal for the three decisions an operator takes on a report: triage, send to an agency, close. */
export function ReportActionModal({ report, action, onClose, onDone }: { report: ReportDetail; action: ReportAction; onClose: () => void; onDone: (conflict: boolean) => void }) {
  const intl = useIntl();
  const t = (id: string) => intl.formatMessage({ id });
  const [kind, setKind] = useState<ReportKind | null>(report.kind);
  const [urgency, setUrgency] = useState<ReportUrgency | null>(report.urgency);
  const [purpose, setPurpose] = useState<DispatchPurpose | null>(report.urgency === 'immediate_danger' ? 'emergency' : 'screening');
  const [agencyId, setAgencyId] = useState<string | null>(null);
  const [reason, setReason] = useState<ClosureReason | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const targets = useDispatchTargets(action === 'dispatch');
  // Only law-enforcement units are offered (the server refuses any other agency).
  const agencies = targets.data?.items ?? [];

  const submit = async () => {
    setError(null);
    setBusy(true);
    const params = { id: report.id };
    try {
      // `ready` below keeps the button disabled until the chosen values are there.
      if (action === 'triage' && kind && urgency) await call(reportsApi.triage, { params, body: { version: report.version, kind, urgency } });
      if (action === 'dispatch' && purpose) await call(reportsApi.dispatch, { params, body: { version: report.version, purpose, ...(agencyId ? { agencyId } : {}) } });
      if (action === 'close' && reason) await call(reportsApi.close, { params, body: { version: report.version, reason } });
      onDone(false);
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === 'CONFLICT') onDone(true);
      else setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const ready = action === 'close' ? Boolean(reason) : action === 'dispatch' ? Boolean(purpose) && (purpose === 'emergency' || Boolean(agencyId)) : Boolean(kind && urgency);

  return (
    <Modal opened onClose={onClose} title={t(`report.action.${action}`)}>
      <Stack data-testid={`report-action-${action}`}>
        <ErrorAlert message={error ? errorMessage(intl, error) : null} />
        {action === 'triage' && (
          <>
            <Select label={t('report.field.kind')} allowDeselect={false} data={codeOptions(intl, 'report.kind', REPORT_KINDS)} value={kind} onChange={setKind} />
            <Select label={t('report.field.urgency')} allowDeselect={false} data={codeOptions(intl, 'report.urgency', REPORT_URGENCIES)} value={urgency} onChange={setUrgency} data-testid="report-triage-urgency" />
          </>
        )}
        {action === 'dispatch' && (
          <>
            <Select label={t('report.dispatch.purpose')} allowDeselect={false} data={codeOptions(intl, 'report.purpose', DISPATCH_PURPOSES)} value={purpose} onChange={(value) => { setPurpose(value); setAgencyId(null); }} data-testid="report-dispatch-purpose" />
            <Select
              label={t('report.dispatch.agency')}
              placeholder={purpose === 'emergency' ? t('report.dispatch.agency.auto') : undefined}
              searchable
              clearable
              data={agencies.map((a) => ({ value: a.id, label: a.name }))}
              value={agencyId}
              onChange={setAgencyId}
              data-testid="report-dispatch-agency"
            />
          </>
        )}
        {action === 'close' && (
          <Select label={t('report.close.reason')} data={codeOptions(intl, 'report.closure', REPORT_CLOSURE_REASONS)} value={reason} onChange={setReason} data-testid="report-close-reason" />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={submit} loading={busy} disabled={!ready} data-testid="report-action-submit">
            {t('common.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
