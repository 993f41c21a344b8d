import { AppShell, Burger, Group, Menu, NavLink, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { IconChevronDown, IconLogout, IconUserCircle } from '@tabler/icons-react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useLogout, useMe, usePublicConfig } from '../api/session';
import { LocaleSwitcher } from '../i18n/LocaleSwitcher';
import { NotificationBell } from '../notifications/NotificationBell';
import { BRAND_NAME } from '../i18n/untranslatable';
import { DemoBanner } from './DemoBanner';
import { visibleNavItems } from './navigation';

const HEADER_HEIGHT = 60;
// The banner wraps to two lines on phones; the fixed header must make room for it.
const DEMO_BANNER_HEIGHT = { base: 56, sm: 34 };

/** The signed-in frame: header with brand, language and user menu; navbar of permitted pages. */
export function AppLayout() {
  const intl = useIntl();
  const me = useMe().data;
  const demo = usePublicConfig().data?.demo ?? false;
  const [opened, { toggle, close }] = useDisclosure();
  // Below Mantine's `sm` breakpoint (the navbar becomes a drawer): one language switcher in the page, never two.
  const phone = useMediaQuery('(max-width: 48em)');
  const location = useLocation();
  const navigate = useNavigate();
  const logout = useLogout();
  if (!me) return null;

  const signOut = async () => {
    await logout().catch(() => {});
    navigate('/login', { replace: true });
  };

  return (
    <AppShell
      header={{ height: demo ? { base: HEADER_HEIGHT + DEMO_BANNER_HEIGHT.base, sm: HEADER_HEIGHT + DEMO_BANNER_HEIGHT.sm } : HEADER_HEIGHT }}
      navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <DemoBanner />
        <Group h={HEADER_HEIGHT} px={{ base: 'xs', sm: 'md' }} justify="space-between" wrap="nowrap" gap="xs">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={intl.formatMessage({ id: 'nav.toggle' })}
            />
            <Text component={Link} to="/" fw={800} size="lg" c="teal.9" style={{ whiteSpace: 'nowrap' }} data-testid="brand">
              {BRAND_NAME}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <NotificationBell />
            {/* On a phone the language and the account move into the drawer: the header has no room for them. */}
            {!phone && <LocaleSwitcher />}
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <UnstyledButton visibleFrom="sm" data-testid="user-menu" aria-label={`${me.user.displayName} · ${intl.formatMessage({ id: 'nav.userMenu' })}`}>
                  <Group gap={4} wrap="nowrap">
                    <IconUserCircle size={22} aria-hidden />
                    <Text size="sm" visibleFrom="sm">
                      {me.user.displayName}
                    </Text>
                    <IconChevronDown size={14} aria-hidden />
                  </Group>
                </UnstyledButton>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Label>{me.user.agency.name}</Menu.Label>
                <Menu.Item component={Link} to="/profile" leftSection={<IconUserCircle size={16} />} data-testid="user-menu-profile">
                  <FormattedMessage id="nav.profile" />
                </Menu.Item>
                <Menu.Item onClick={signOut} leftSection={<IconLogout size={16} />} color="red" data-testid="user-menu-logout">
                  <FormattedMessage id="nav.logout" />
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label={intl.formatMessage({ id: 'nav.main' })}>
        <AppShell.Section grow>
        {visibleNavItems(me.permissions).map((item) => {
          const active = item.to === '/' ? location.pathname === '/' : location.pathname.startsWith(item.to);
          return (
            <NavLink
              key={item.to}
              component={Link}
              to={item.to}
              label={intl.formatMessage({ id: item.labelId })}
              leftSection={<item.icon size={18} aria-hidden />}
              active={active}
              aria-current={active ? 'page' : undefined}
              onClick={close}
              data-testid={item.testId}
            />
          );
        })}
        </AppShell.Section>
        <AppShell.Section hiddenFrom="sm" pt="xs" style={{ borderBlockStart: '1px solid var(--mantine-color-gray-3)' }} data-testid="drawer-account">
          <Text size="sm" fw={600} px="xs">
            {me.user.displayName}
          </Text>
          <Text size="xs" c="dimmed" px="xs" mb="xs">
            {me.user.agency.name}
          </Text>
          {phone && (
            <Group px="xs" mb="xs">
              <LocaleSwitcher />
            </Group>
          )}
          <NavLink component={Link} to="/profile" label={intl.formatMessage({ id: 'nav.profile' })} leftSection={<IconUserCircle size={18} aria-hidden />} onClick={close} />
          <NavLink
            component="button"
            onClick={signOut}
            label={intl.formatMessage({ id: 'nav.logout' })}
            leftSection={<IconLogout size={18} aria-hidden />}
            c="red.8"
            data-testid="drawer-logout"
          />
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
