import type { ModuleDescriptor } from '../../platform/modules';

/** The tax module as the composition root, the gateway, the import check and the module docs see it. */
export const taxDescriptor: ModuleDescriptor = {
  name: 'tax',
  summary: 'Tax rates per destination and product tax category, the store price mode (domain rules only, so far).',
  urlPrefixes: ['tax'],
  allowedDependencies: [],
};
