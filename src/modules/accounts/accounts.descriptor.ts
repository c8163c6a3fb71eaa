import type { ModuleDescriptor } from '../../platform/modules';

/** The accounts module as the composition root, the gateway, the import check and the module docs see it. */
export const accountsDescriptor: ModuleDescriptor = {
  name: 'accounts',
  summary: 'Users, credentials, refresh and password-reset tokens, profiles, addresses and roles.',
  urlPrefixes: ['accounts'],
  allowedDependencies: [],
};
