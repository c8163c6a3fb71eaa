import type { ModuleDescriptor } from '../../platform/modules';

/** The payments module as the composition root, the gateway, the import check and the module docs see it. */
export const paymentsDescriptor: ModuleDescriptor = {
  name: 'payments',
  summary: 'Payments, provider references, refunds, webhook receipts and risk (fraud) assessments.',
  urlPrefixes: ['payments'],
  allowedDependencies: ['accounts', 'catalog'],
};
