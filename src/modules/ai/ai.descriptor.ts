import type { ModuleDescriptor } from '../../platform/modules';

/** The ai module as the composition root, the gateway, the import check and the module docs see it. */
export const aiDescriptor: ModuleDescriptor = {
  name: 'ai',
  summary:
    'Prompts, model providers, the AI call log, prices, budgets and data-tool grants (domain rules only, so far).',
  urlPrefixes: ['ai'],
  allowedDependencies: [],
};
