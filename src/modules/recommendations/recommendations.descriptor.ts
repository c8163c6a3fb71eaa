import type { ModuleDescriptor } from '../../platform/modules';

/** The recommendations module as the composition root, the gateway, the import check and the module docs see it. */
export const recommendationsDescriptor: ModuleDescriptor = {
  name: 'recommendations',
  summary: 'Its own read model of co-purchases, similarities and popularity, and the suggestions made from it.',
  urlPrefixes: ['recommendations'],
  allowedDependencies: ['cart', 'catalog', 'orders'],
};
