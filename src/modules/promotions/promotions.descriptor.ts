import type { ModuleDescriptor } from '../../platform/modules';

/** The promotions module as the composition root, the gateway, the import check and the module docs see it. */
export const promotionsDescriptor: ModuleDescriptor = {
  name: 'promotions',
  summary:
    'Promotions and codes, their conditions and limits, the discounts they give, redemptions counted atomically.',
  urlPrefixes: ['promotions'],
  allowedDependencies: ['orders'],
};
