import { Anchor, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { Link } from 'react-router-dom';
import { EmergencyNotice } from './EmergencyNotice';
import { PublicLayout } from './PublicLayout';
import { PublicReportForm } from './PublicReportForm';
import { ReceiptPanel } from './ReceiptPanel';

/** `/report`: anyone reports a suspicion anonymously, then keeps a receipt code to add information later. */
export function PublicReportPage() {
  const intl = useIntl();
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
      <EmergencyNotice />
      {receiptCode ? (
        <ReceiptPanel receiptCode={receiptCode} onNewReport={() => setReceiptCode(null)} />
      ) : (
        <>
          <Text>{intl.formatMessage({ id: 'publicReport.intro' })}</Text>
          <PublicReportForm onReceipt={showReceipt} />
        </>
      )}
    </PublicLayout>
  );
}
