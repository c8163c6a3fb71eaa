import type { ModuleDescriptor } from '../../platform/modules';

/** The notifications module as the composition root, the gateway, the import check and the module docs see it. */
export const notificationsDescriptor: ModuleDescriptor = {
  name: 'notifications',
  summary: 'Email templates and a delivery log: it consumes events and sends mail.',
  urlPrefixes: ['notifications'],
  allowedDependencies: ['accounts', 'orders', 'shipping'],
};
