import { createTheme, MantineProvider } from '@mantine/core';
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

/** Mantine's defaults, one shade darker: white on the primary colour meets WCAG AA contrast. */
const theme = createTheme({ primaryShade: { light: 8, dark: 8 } });

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
