import { createTheme, MantineProvider, NavLink } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter, Route, Routes } from 'react-router';
import { ApiError } from './api';
import { LoginPage } from './auth/login-page';
import { SessionProvider, useSession } from './auth/session';
import { ConsoleLayout } from './layout/console-layout';
import { PAGES } from './routes';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A refused call (4xx) is not retried; a 5xx or a network error is, twice.
      retry: (failures, error) => !(error instanceof ApiError && error.status < 500) && failures < 2,
      refetchOnWindowFocus: false,
    },
  },
});

/**
 * Mantine's defaults, one shade darker: white on the primary colour meets WCAG AA contrast. The
 * active navigation link has colours of its own: Mantine's light variant (shade 8 on a 12 % tint
 * under the pointer) is 4.3:1; shade 9 on shade 0, and on shade 1 under the pointer, is 4.9:1 or more.
 */
const theme = createTheme({
  primaryShade: { light: 8, dark: 8 },
  components: {
    NavLink: NavLink.extend({
      vars: () => ({
        root: {
          '--nl-bg': 'var(--mantine-primary-color-0)',
          '--nl-hover': 'var(--mantine-primary-color-1)',
          '--nl-color': 'var(--mantine-primary-color-9)',
        },
        children: {},
      }),
    }),
  },
});

function Console() {
  const { user } = useSession();
  if (!user) return <LoginPage />;
  return (
    <Routes>
      <Route element={<ConsoleLayout />}>
        {PAGES.map((page) =>
          page.path === '' ? (
            <Route key="" index element={page.element} />
          ) : (
            <Route key={page.path} path={`${page.path}/*`} element={page.element} />
          ),
        )}
        <Route path="*" element={<p>No such page.</p>} />
      </Route>
    </Routes>
  );
}

/** Providers (theme, queries, router at /admin, session) around the console. */
export function App() {
  return (
    <MantineProvider theme={theme}>
      <QueryClientProvider client={queryClient}>
        <BrowserRouter basename="/admin">
          <SessionProvider>
            <Console />
          </SessionProvider>
        </BrowserRouter>
      </QueryClientProvider>
    </MantineProvider>
  );
}
