import type { ModuleDescriptor } from '../../platform/modules';

/** The payments module as the composition root, the gateway, the import check and the module docs see it. */
export const paymentsDescriptor: ModuleDescriptor = {
  name: 'payments',
  summary: 'Payments, provider references, refunds, webhook receipts and risk (fraud) assessments.',
  urlPrefixes: ['payments'],
  // ai: review explanations ask ai.CompleteChatWithDataTools (ai in turn asks payments' data tool; ADR 0111, 0120).
  allowedDependencies: ['accounts', 'catalog', 'ai'],
};
