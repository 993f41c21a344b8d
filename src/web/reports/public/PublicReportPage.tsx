import { Alert, Anchor, Group, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { Link } from 'react-router-dom';
import { usePublicConfig } from '../../api/session';
import { EmergencyNotice } from './EmergencyNotice';
import { PublicLayout } from './PublicLayout';
import { PublicReportForm } from './PublicReportForm';
import { QuickExit } from './QuickExit';
import { ReceiptPanel } from './ReceiptPanel';

/** `/report`: anyone reports a suspicion anonymously, then keeps a receipt code to add information later. */
export function PublicReportPage() {
  const intl = useIntl();
  // How long a report that leads to no case keeps what the reporter wrote (SANAD_PUBLIC_REPORT_RETENTION_DAYS).
  const retentionDays = usePublicConfig().data?.publicReportRetentionDays;
  // The code lives in memory only: a stored code on a shared phone could betray the reporter.
  const [receiptCode, setReceiptCode] = useState<string | null>(null);

  const showReceipt = (code: string) => {
    setReceiptCode(code);
    window.scrollTo({ top: 0 });
  };

  return (
    <PublicLayout
      titleId="publicReport.title"
      footer={
        // The receipt screen already holds the addition form.
        receiptCode ? null : (
          <Group justify="center">
            <Anchor component={Link} to="/report/add" size="sm" data-testid="public-report-addition-link">
              {intl.formatMessage({ id: 'publicReport.addition.link' })}
            </Anchor>
          </Group>
        )
      }
    >
      <QuickExit />
      <EmergencyNotice />
      {receiptCode ? (
        <ReceiptPanel receiptCode={receiptCode} onNewReport={() => setReceiptCode(null)} />
      ) : (
        <>
          <Text>{intl.formatMessage({ id: 'publicReport.intro' })}</Text>
          <Alert variant="outline" color="gray" icon={<IconInfoCircle aria-hidden />} title={intl.formatMessage({ id: 'publicPage.whatHappens.title' })} data-testid="public-report-what-happens">
            <Text size="sm">{intl.formatMessage({ id: 'publicPage.whatHappens.body' })}</Text>
            {/* Only a number the server stated: the page never promises a period it does not enforce. */}
            {retentionDays !== undefined && (
              <Text size="sm" mt="xs" data-testid="public-report-retention">
                {intl.formatMessage({ id: 'publicPage.whatHappens.retention' }, { days: retentionDays })}
              </Text>
            )}
          </Alert>
          <PublicReportForm onReceipt={showReceipt} />
        </>
      )}
    </PublicLayout>
  );
}
