import type { ModuleDescriptor } from '../../platform/modules';

/** The ai module as the composition root, the gateway, the import check and the module docs see it. */
export const aiDescriptor: ModuleDescriptor = {
  name: 'ai',
  summary: 'Prompt vault, model gateway, the AI call log, prices, spend, budgets and data-tool grants.',
  urlPrefixes: ['ai'],
  // The owners of the data tools AI features may use (their tool queries, ADR 0117).
  allowedDependencies: ['catalog', 'orders', 'payments'],
};
