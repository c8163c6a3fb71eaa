import { AppShell, Burger, Button, Group, NavLink, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { NavLink as RouterLink, Outlet, useLocation } from 'react-router';
import { useSession } from '../auth/session';
import { PageErrorBoundary } from '../components/page-error-boundary';
import { PAGES } from '../routes';

/** The frame of every page after sign-in: header (who, logout), navigation, and the page as main. */
export function ConsoleLayout() {
  const { user, logOut } = useSession();
  const [opened, { toggle }] = useDisclosure();
  const { pathname } = useLocation();
  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Group>
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Toggle navigation" />
            <Text fw={700} size="lg">
              Arcade admin
            </Text>
          </Group>
          <Group>
            <Text size="sm">{user?.email}</Text>
            <Button variant="default" size="xs" onClick={() => void logOut()}>
              Log out
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label="Console pages">
        {PAGES.map((page) => (
          <NavLink
            key={page.path}
            component={RouterLink}
            to={`/${page.path}`}
            end={page.path === ''}
            label={page.label}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main>
        <PageErrorBoundary key={pathname}>
          <Outlet />
        </PageErrorBoundary>
      </AppShell.Main>
    </AppShell>
  );
}
