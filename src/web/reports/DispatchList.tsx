import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { reportsApi, type ReportDetail } from '../../shared/api/reports';
import { call } from '../api/call';
import { ErrorAlert } from '../common/ErrorAlert';

/** Where the report was sent, and whether each agency confirmed it; the addressed agency acknowledges here. */
export function DispatchList({ report, onChanged }: { report: ReportDetail; onChanged: () => void }) {
  const intl = useIntl();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const when = (iso: string) => intl.formatDate(iso, { dateStyle: 'medium', timeStyle: 'short' });

  const acknowledge = async (dispatchId: string) => {
    setError(null);
    setBusy(dispatchId);
    try {
      await call(reportsApi.acknowledgeDispatch, { params: { id: report.id, dispatchId } });
      onChanged();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(null);
    }
  };

  if (report.dispatches.length === 0) {
    return <Text c="dimmed">{intl.formatMessage({ id: 'report.dispatches.empty' })}</Text>;
  }
  return (
    <Stack gap="xs">
      <ErrorAlert error={error} />
      {report.dispatches.map((d) => (
        <Paper key={d.id} withBorder p="sm" data-testid="report-dispatch" data-id={d.id}>
          <Group justify="space-between" wrap="wrap">
            <Stack gap={2}>
              <Group gap="xs">
                <Badge color={d.purpose === 'emergency' ? 'red' : 'blue'} variant="light">
                  {intl.formatMessage({ id: `report.purpose.${d.purpose}` })}
                </Badge>
                <Text size="sm">{intl.formatMessage({ id: 'report.dispatch.sent' }, { agency: d.agencyName, time: when(d.dispatchedAt) })}</Text>
              </Group>
              <Text size="sm" c={d.acknowledgedAt ? 'teal.8' : 'red.8'} data-testid="report-dispatch-state">
                {d.acknowledgedAt
                  ? d.acknowledgedByName
                    ? intl.formatMessage({ id: 'report.dispatch.acknowledged' }, { time: when(d.acknowledgedAt), name: d.acknowledgedByName })
                    : intl.formatMessage({ id: 'report.dispatch.acknowledgedNoName' }, { time: when(d.acknowledgedAt) })
                  : intl.formatMessage({ id: 'report.dispatch.waiting' })}
              </Text>
            </Stack>
            {d.allowedActions.includes('report.acknowledgeDispatch') && (
              <Button size="xs" loading={busy === d.id} onClick={() => acknowledge(d.id)} data-testid="report-dispatch-acknowledge">
                {intl.formatMessage({ id: 'report.dispatch.acknowledge' })}
              </Button>
            )}
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}
