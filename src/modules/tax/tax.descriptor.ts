import type { ModuleDescriptor } from '../../platform/modules';

/** The tax module as the composition root, the gateway, the import check and the module docs see it. */
export const taxDescriptor: ModuleDescriptor = {
  name: 'tax',
  summary: 'Tax rates per destination country and product tax category, tax on shipping, the store price mode.',
  urlPrefixes: ['tax'],
  allowedDependencies: [],
};
