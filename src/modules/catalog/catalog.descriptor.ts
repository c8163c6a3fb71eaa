import type { ModuleDescriptor } from '../../platform/modules';

/** The catalog module as the composition root, the gateway, the import check and the module docs see it. */
export const catalogDescriptor: ModuleDescriptor = {
  name: 'catalog',
  summary: 'Products, variants with their prices, categories, images, stock levels and stock reservations.',
  urlPrefixes: ['catalog'],
  // ai: description drafts ask ai.CompleteChatWithDataTools (ai in turn asks catalog's data tool; ADR 0111).
  allowedDependencies: ['ai'],
};
