import { Anchor, Button, FileInput, Group, Stack, Table } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconPaperclip } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { casesApi, type CaseDetail } from '../../../shared/api/cases';
import { ATTACHMENT_MEDIA_TYPES, MAX_ATTACHMENT_BYTES } from '../../../shared/htcds/case';
import { call } from '../../api/call';
import { ApiError } from '../../api/client';
import { ErrorAlert } from '../../common/ErrorAlert';
import { errorMessage } from '../../forms/validation';
import { attachmentDownloadPath, caseKeys, useCaseAttachments } from '../caseApi';
import { formatMoment } from '../labels';
import { TabEmpty } from './TabEmpty';
import { TabLoading } from './TabLoading';

const MAX_MEGABYTES = MAX_ATTACHMENT_BYTES / (1024 * 1024);

/** The file's bytes as base64, which is how the API takes uploads. */
function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

/** Encrypted documents of the case (PDF, PNG, JPEG up to 5 MB): upload and download. */
export function AttachmentsTab({ caseData }: { caseData: CaseDetail }) {
  const intl = useIntl();
  const queryClient = useQueryClient();
  const t = (id: string) => intl.formatMessage({ id });
  const canRead = caseData.allowedActions.includes('case.readAttachment');
  const canAttach = caseData.allowedActions.includes('case.attach');
  const attachments = useCaseAttachments(caseData.id, canRead);
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);

  // The server recognises the type from the file's first bytes; checking here too spares a useless upload.
  const choose = (chosen: File | null) => {
    setFile(chosen);
    setFileError(null);
    if (!chosen) return;
    if (chosen.size > MAX_ATTACHMENT_BYTES) setFileError(intl.formatMessage({ id: 'cases.attachments.tooLarge' }, { max: MAX_MEGABYTES }));
    else if (chosen.type && !(ATTACHMENT_MEDIA_TYPES as readonly string[]).includes(chosen.type)) setFileError(t('cases.attachments.badType'));
  };

  const upload = async () => {
    if (!file || fileError) return;
    setUploading(true);
    try {
      await call(casesApi.addAttachment, { params: { id: caseData.id }, body: { fileName: file.name, contentBase64: await readAsBase64(file) } });
      setFile(null);
      notifications.show({ color: 'teal', message: t('cases.attachments.uploaded') });
      await queryClient.invalidateQueries({ queryKey: caseKeys.sub(caseData.id, 'attachments') });
    } catch (error) {
      if (error instanceof ApiError && error.code === 'PAYLOAD_TOO_LARGE') setFileError(intl.formatMessage({ id: 'cases.attachments.tooLarge' }, { max: MAX_MEGABYTES }));
      else if (error instanceof ApiError && error.code === 'UNSUPPORTED_MEDIA_TYPE') setFileError(t('cases.attachments.badType'));
      else if (error instanceof ApiError && error.code === 'VALIDATION_FAILED') setFileError(t('cases.attachments.unreadable'));
      else setFileError(errorMessage(intl, error));
    } finally {
      setUploading(false);
    }
  };

  return (
    <Stack>
      {canAttach && (
        <Group align="flex-end" wrap="wrap">
          <FileInput
            w={360}
            label={t('cases.attachments.file')}
            description={intl.formatMessage({ id: 'cases.attachments.hint' }, { max: MAX_MEGABYTES })}
            accept={ATTACHMENT_MEDIA_TYPES.join(',')}
            leftSection={<IconPaperclip size={16} aria-hidden />}
            clearable
            value={file}
            onChange={choose}
            error={fileError}
            data-testid="attachment-file"
          />
          <Button onClick={upload} loading={uploading} disabled={!file || Boolean(fileError)} data-testid="attachment-upload">
            {t('cases.attachments.upload')}
          </Button>
        </Group>
      )}
      <ErrorAlert error={attachments.error} />
      {!canRead ? null : attachments.isPending ? (
        <TabLoading />
      ) : attachments.data?.items.length === 0 ? (
        <TabEmpty titleId="cases.attachments.empty" testId="attachments-empty" />
      ) : (
        <Table.ScrollContainer minWidth={640} type="native">
          <Table striped data-testid="attachments-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('cases.attachments.name')}</Table.Th>
                <Table.Th>{t('cases.attachments.size')}</Table.Th>
                <Table.Th>{t('cases.attachments.uploadedBy')}</Table.Th>
                <Table.Th>{t('cases.attachments.uploadedAt')}</Table.Th>
                <Table.Th>{t('common.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {attachments.data?.items.map((a) => (
                <Table.Tr key={a.id} data-testid="attachment-row" data-id={a.id}>
                  <Table.Td>
                    <bdi>{a.fileName}</bdi>
                  </Table.Td>
                  <Table.Td>{intl.formatNumber(a.sizeBytes / 1024, { maximumFractionDigits: 0, style: 'unit', unit: 'kilobyte' })}</Table.Td>
                  <Table.Td>{a.uploadedByName}</Table.Td>
                  <Table.Td>{formatMoment(intl, a.uploadedAt)}</Table.Td>
                  <Table.Td>
                    <Anchor href={attachmentDownloadPath(caseData.id, a.id)} download={a.fileName} data-testid="attachment-download">
                      <Group gap={4} wrap="nowrap">
                        <IconDownload size={16} aria-hidden />
                        {t('cases.attachments.download')}
                      </Group>
                    </Anchor>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
