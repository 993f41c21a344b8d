import { Button, CopyButton, Divider, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useIntl } from 'react-intl';
import { AdditionForm } from './AdditionForm';

/** The receipt: the code in large print, how to keep it, and the form to add information with it. */
export function ReceiptPanel({ receiptCode, onNewReport }: { receiptCode: string; onNewReport: () => void }) {
  const intl = useIntl();
  return (
    <Stack gap="lg" data-testid="public-report-receipt">
      <Title order={2} size="h4" role="status">
        {intl.formatMessage({ id: 'publicReport.receipt.title' })}
      </Title>
      <Paper withBorder p="md" bg="teal.0">
        <Stack gap={4} align="center">
          <Text size="sm">{intl.formatMessage({ id: 'publicReport.receipt.codeLabel' })}</Text>
          <Text dir="ltr" fz={32} fw={800} ff="monospace" style={{ letterSpacing: '0.15em' }} data-testid="public-report-receipt-code">
            {receiptCode}
          </Text>
          <CopyButton value={receiptCode}>
            {({ copied, copy }) => (
              <Button size="xs" variant="subtle" onClick={copy} leftSection={copied ? <IconCheck size={14} aria-hidden /> : <IconCopy size={14} aria-hidden />}>
                {intl.formatMessage({ id: copied ? 'publicReport.receipt.copied' : 'publicReport.receipt.copy' })}
              </Button>
            )}
          </CopyButton>
        </Stack>
      </Paper>
      <Text>{intl.formatMessage({ id: 'publicReport.receipt.keep' })}</Text>
      <Divider />
      <Title order={2} size="h4">
        {intl.formatMessage({ id: 'publicReport.addition.title' })}
      </Title>
      <AdditionForm initialCode={receiptCode} />
      <Group justify="center">
        <Button variant="default" onClick={onNewReport} data-testid="public-report-new">
          {intl.formatMessage({ id: 'publicReport.receipt.newReport' })}
        </Button>
      </Group>
    </Stack>
  );
}
