import { Button, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useIntl } from 'react-intl';
import { casesApi, type CaseListFilters } from '../../../shared/api/cases';
import { apiDownload } from '../../api/client';

/**
 * Exports the list as filtered and sorted on screen (POST, so a searched name stays out of URLs).
 * The server streams the file; the browser saves it under the name the server gives.
 */
export function ExportButton({ filters }: { filters: Partial<CaseListFilters> }) {
  const intl = useIntl();
  const t = (id: string) => intl.formatMessage({ id });
  const exportList = useMutation({
    mutationFn: async () => {
      const blob = await apiDownload(casesApi.exportList.path, filters);
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = `sanad-cases-${new Date().toISOString().slice(0, 10)}.csv`;
      link.click();
      // Leave the browser time to start the download before the identities' copy is released.
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    },
    onError: () => notifications.show({ color: 'red', message: t('caseList.exportFailed') }),
  });
  return (
    <Tooltip label={t('caseList.exportHelp')} multiline w={280}>
      <Button
        variant="default"
        leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
        loading={exportList.isPending}
        onClick={() => exportList.mutate()}
        data-testid="cases-export"
      >
        {t('caseList.export')}
      </Button>
    </Tooltip>
  );
}
