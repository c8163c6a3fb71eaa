import type { ModuleDescriptor } from '../../platform/modules';

/** The orders module as the composition root, the gateway, the import check and the module docs see it. */
export const ordersDescriptor: ModuleDescriptor = {
  name: 'orders',
  summary: 'Orders, their lines and timeline, and the checkout process manager (saga).',
  urlPrefixes: ['orders'],
  allowedDependencies: ['cart', 'catalog', 'payments', 'promotions', 'shipping'],
};
