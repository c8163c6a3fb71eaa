import type { ModuleDescriptor } from '../../platform/modules';

/** The shipping module as the composition root, the gateway, the import check and the module docs see it. */
export const shippingDescriptor: ModuleDescriptor = {
  name: 'shipping',
  summary: 'Zones, shipping methods and rates, quotes, shipments and carrier tracking.',
  urlPrefixes: ['shipping'],
  allowedDependencies: ['cart', 'catalog', 'orders'],
};
