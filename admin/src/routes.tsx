import { Center, Loader } from '@mantine/core';
import { lazy, Suspense, type ComponentType, type ReactElement } from 'react';
import { OverviewPage } from './pages/overview/overview-page';

/** One page of the console: its path under /admin, its name in the navigation, what it shows. */
export interface ConsolePage {
  /** Relative to /admin; '' is the overview. A page's own sub-routes go under `${path}/*`. */
  readonly path: string;
  readonly label: string;
  readonly element: ReactElement;
}

/**
 * A page loaded on first visit: its code is a chunk of its own, so the Overview (the first load)
 * does not download the other pages.
 */
function onDemand(load: () => Promise<ComponentType>): ReactElement {
  const Page = lazy(async () => ({ default: await load() }));
  return (
    <Suspense
      fallback={
        <Center p="xl">
          <Loader aria-label="Loading the page" />
        </Center>
      }
    >
      <Page />
    </Suspense>
  );
}

/**
 * Every page, in navigation order. A new page: a folder under src/pages/<name>/ with its
 * <name>-page.tsx, and its row here.
 */
export const PAGES: readonly ConsolePage[] = [
  { path: '', label: 'Overview', element: <OverviewPage /> },
  {
    path: 'orders',
    label: 'Orders',
    element: onDemand(async () => (await import('./pages/orders/orders-page')).OrdersPage),
  },
  {
    path: 'catalog',
    label: 'Catalog',
    element: onDemand(async () => (await import('./pages/catalog/catalog-page')).CatalogPage),
  },
  {
    path: 'fraud',
    label: 'Fraud review',
    element: onDemand(async () => (await import('./pages/fraud/fraud-page')).FraudPage),
  },
  {
    path: 'messaging',
    label: 'Messaging',
    element: onDemand(async () => (await import('./pages/messaging/messaging-page')).MessagingPage),
  },
  { path: 'ai', label: 'AI', element: onDemand(async () => (await import('./pages/ai/ai-page')).AiPage) },
  {
    path: 'modules',
    label: 'Modules',
    element: onDemand(async () => (await import('./pages/modules/modules-page')).ModulesPage),
  },
];
