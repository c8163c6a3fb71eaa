import type { ModuleDescriptor } from '../../platform/modules';

/** The cart module as the composition root, the gateway, the import check and the module docs see it. */
export const cartDescriptor: ModuleDescriptor = {
  name: 'cart',
  summary: 'Guest and customer carts and their lines with the prices the customer accepted.',
  urlPrefixes: ['carts'],
  allowedDependencies: ['catalog', 'shipping', 'promotions', 'tax'],
};
