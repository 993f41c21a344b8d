import { Button, EmptyState, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link } from 'react-router-dom';
import { useMe } from '../api/session';
import { PageTitle } from '../common/PageTitle';
import { ROLE_SECTIONS } from './roleSections';
import { IncomingTransfers } from '../cases/handover/IncomingTransfers';

/** One section per role the user holds: its live work list, or what will appear there. */
export function HomePage() {
  const intl = useIntl();
  const me = useMe().data;
  if (!me) return null;
  return (
    <Stack>
      <PageTitle id="home.title" />
      <Text c="dimmed">
        <FormattedMessage id="home.welcome" values={{ name: <bdi>{me.user.displayName}</bdi>, agency: <bdi>{me.user.agency.name}</bdi> }} />
      </Text>
      {me.user.roles.length === 0 && (
        <EmptyState title={intl.formatMessage({ id: 'home.noRoles' })} data-testid="home-no-roles" />
      )}
      <IncomingTransfers />
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        {me.user.roles.map((role) => {
          const section = ROLE_SECTIONS[role];
          const links = section.links.filter((link) => me.permissions.includes(link.permission));
          const empty = (
            <EmptyState
              size="sm"
              icon={<section.icon size={28} aria-hidden />}
              withIndicatorBackground
              description={intl.formatMessage({ id: section.emptyId })}
            >
              {links.length > 0 && (
                <EmptyState.Actions>
                  <Group justify="center">
                    {links.map((link) => (
                      <Button key={link.to} component={Link} to={link.to} variant="light" data-testid={link.testId}>
                        <FormattedMessage id={link.labelId} />
                      </Button>
                    ))}
                  </Group>
                </EmptyState.Actions>
              )}
            </EmptyState>
          );
          return (
            <Paper key={role} withBorder p="md" radius="md" component="section" aria-labelledby={`home-${role}`} data-testid={`home-section-${role}`}>
              <Title order={2} size="h4" id={`home-${role}`} mb="sm">
                <FormattedMessage id={`role.${role}`} />
              </Title>
              {section.worklist ? <section.worklist empty={empty} /> : empty}
            </Paper>
          );
        })}
      </SimpleGrid>
    </Stack>
  );
}
