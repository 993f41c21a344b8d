import { Anchor, Container, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, type ReactNode } from 'react';
import { useIntl } from 'react-intl';
import { Link } from 'react-router-dom';
import { LocaleSwitcher } from '../../i18n/LocaleSwitcher';
import { BRAND_NAME } from '../../i18n/untranslatable';
import { DemoBanner } from '../../layout/DemoBanner';

/** The frame of the public pages: no navigation, no account, just the brand, the language and one card. */
export function PublicLayout({ titleId, children, footer }: { titleId: string; children: ReactNode; footer?: ReactNode }) {
  const intl = useIntl();
  const title = intl.formatMessage({ id: titleId });
  useEffect(() => {
    document.title = `${title} · ${BRAND_NAME}`;
  }, [title]);
  return (
    <>
      <DemoBanner />
      <Container size={720} py="xl" component="main">
        <Stack gap="lg">
          <Group justify="space-between" wrap="wrap">
            <Anchor component={Link} to="/report" fw={800} size="xl" c="teal.8" underline="never">
              {BRAND_NAME}
            </Anchor>
            <LocaleSwitcher />
          </Group>
          <Paper withBorder shadow="sm" p={{ base: 'md', sm: 'xl' }} radius="md">
            <Stack gap="md">
              <Title order={1} size="h3" data-testid="page-heading">
                {title}
              </Title>
              {children}
            </Stack>
          </Paper>
          {footer}
          <Text size="xs" c="dimmed" ta="center">
            {intl.formatMessage({ id: 'publicReport.privacy' })}
          </Text>
        </Stack>
      </Container>
    </>
  );
}
