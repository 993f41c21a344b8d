import { Anchor, Container, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, type ReactNode } from 'react';
import { useIntl } from 'react-intl';
import { Link } from 'react-router-dom';
import { LocaleSwitcher } from '../i18n/LocaleSwitcher';
import { BRAND_NAME } from '../i18n/untranslatable';
import { DemoBanner } from '../layout/DemoBanner';

interface SingleCardLayoutProps {
  titleId: string;
  children: ReactNode;
  /** Container width in pixels. */
  width: number;
  /** Catalog key of the small notice under the card (confidentiality, privacy). */
  noticeId: string;
  /** Where the brand links to; plain text when absent. */
  brandLink?: string;
  footer?: ReactNode;
}

/** A page without navigation: demo banner, brand, language choice, one card and a notice (sign-in, public pages). */
export function SingleCardLayout({ titleId, children, width, noticeId, brandLink, footer }: SingleCardLayoutProps) {
  const intl = useIntl();
  const title = intl.formatMessage({ id: titleId });
  useEffect(() => {
    document.title = `${title} · ${BRAND_NAME}`;
  }, [title]);
  return (
    <>
      <DemoBanner />
      <Container size={width} py="xl" component="main">
        <Stack gap="lg">
          <Group justify="space-between" wrap="wrap">
            {brandLink ? (
              <Anchor component={Link} to={brandLink} fw={800} size="xl" c="teal.9" underline="never">
                {BRAND_NAME}
              </Anchor>
            ) : (
              <Text fw={800} size="xl" c="teal.9">
                {BRAND_NAME}
              </Text>
            )}
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
            {intl.formatMessage({ id: noticeId })}
          </Text>
        </Stack>
      </Container>
    </>
  );
}
