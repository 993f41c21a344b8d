import { Button, Container, Stack, Text, Title } from '@mantine/core';
import { IconBan, IconMapQuestion } from '@tabler/icons-react';
import { FormattedMessage } from 'react-intl';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';

function StatusPage({ testId, icon, titleId, bodyId }: { testId: string; icon: ReactNode; titleId: string; bodyId: string }) {
  return (
    <Container size="sm" py="xl" data-testid={testId}>
      <Stack align="center" gap="md">
        {icon}
        <Title order={1} data-testid="page-heading">
          <FormattedMessage id={titleId} />
        </Title>
        <Text c="dimmed" ta="center">
          <FormattedMessage id={bodyId} />
        </Text>
        <Button component={Link} to="/" data-testid="status-home-link">
          <FormattedMessage id="status.backHome" />
        </Button>
      </Stack>
    </Container>
  );
}

/** 403: the user lacks the permission. Says nothing about what is behind it. */
export function ForbiddenPage() {
  return <StatusPage testId="forbidden-page" icon={<IconBan size={48} aria-hidden />} titleId="status.forbidden.title" bodyId="status.forbidden.body" />;
}

/** 404: also shown when a record exists but may not be revealed. */
export function NotFoundPage() {
  return <StatusPage testId="not-found-page" icon={<IconMapQuestion size={48} aria-hidden />} titleId="status.notFound.title" bodyId="status.notFound.body" />;
}
