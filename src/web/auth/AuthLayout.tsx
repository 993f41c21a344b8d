import { Container, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, type ReactNode } from 'react';
import { useIntl } from 'react-intl';
import { LocaleSwitcher } from '../i18n/LocaleSwitcher';
import { BRAND_NAME } from '../i18n/untranslatable';
import { DemoBanner } from '../layout/DemoBanner';

/** The frame of the sign-in steps: demo banner, brand, language choice and one card. */
export function AuthLayout({ titleId, children }: { titleId: string; children: ReactNode }) {
  const intl = useIntl();
  const title = intl.formatMessage({ id: titleId });
  useEffect(() => {
    document.title = `${title} · ${BRAND_NAME}`;
  }, [title]);
  return (
    <>
      <DemoBanner />
      <Container size={460} py="xl" component="main">
        <Stack gap="lg">
          <Group justify="space-between" wrap="wrap">
            <Text fw={800} size="xl" c="teal.8">
              {BRAND_NAME}
            </Text>
            <LocaleSwitcher />
          </Group>
          <Paper withBorder shadow="sm" p="xl" radius="md">
            <Stack gap="md">
              <Title order={1} size="h3" data-testid="page-heading">
                {title}
              </Title>
              {children}
            </Stack>
          </Paper>
          <Text size="xs" c="dimmed" ta="center">
            {intl.formatMessage({ id: 'auth.confidentiality' })}
          </Text>
        </Stack>
      </Container>
    </>
  );
}
