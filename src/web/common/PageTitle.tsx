import { Group, Title } from '@mantine/core';
import { useEffect, type ReactNode } from 'react';
import { useIntl } from 'react-intl';
import { BRAND_NAME } from '../i18n/untranslatable';

/** The page's single h1 (and the document title), with optional actions beside it. */
export function PageTitle({ id, children }: { id: string; children?: ReactNode }) {
  const intl = useIntl();
  const text = intl.formatMessage({ id });
  useEffect(() => {
    document.title = `${text} · ${BRAND_NAME}`;
  }, [text]);
  return (
    <Group justify="space-between" mb="md" wrap="wrap">
      <Title order={1} size="h2" data-testid="page-heading">
        {text}
      </Title>
      {children}
    </Group>
  );
}
