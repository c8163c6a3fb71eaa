import type { ReactElement } from 'react';
import { AiPage } from './pages/ai/ai-page';
import { CatalogPage } from './pages/catalog/catalog-page';
import { FraudPage } from './pages/fraud/fraud-page';
import { MessagingPage } from './pages/messaging/messaging-page';
import { ModulesPage } from './pages/modules/modules-page';
import { OrdersPage } from './pages/orders/orders-page';
import { OverviewPage } from './pages/overview/overview-page';

/** One page of the console: its path under /admin, its name in the navigation, what it shows. */
export interface ConsolePage {
  /** Relative to /admin; '' is the overview. A page's own sub-routes go under `${path}/*`. */
  readonly path: string;
  readonly label: string;
  readonly element: ReactElement;
}

/**
 * Every page, in navigation order. A new page: a folder under src/pages/<name>/ with its
 * <name>-page.tsx, and its row here.
 */
export const PAGES: readonly ConsolePage[] = [
  { path: '', label: 'Overview', element: <OverviewPage /> },
  { path: 'orders', label: 'Orders', element: <OrdersPage /> },
  { path: 'catalog', label: 'Catalog', element: <CatalogPage /> },
  { path: 'fraud', label: 'Fraud review', element: <FraudPage /> },
  { path: 'messaging', label: 'Messaging', element: <MessagingPage /> },
  { path: 'ai', label: 'AI', element: <AiPage /> },
  { path: 'modules', label: 'Modules', element: <ModulesPage /> },
];
