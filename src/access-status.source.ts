import { Provider } from '@nestjs/common';
import { GetAccessStatus } from './modules/accounts';
import { ACCESS_STATUS_SOURCE, AccessStatusSource, Role } from './platform/auth';
import { MessageBus } from './platform/messaging';

const ROLES: readonly string[] = ['customer', 'admin'] satisfies Role[];

/**
 * Binds the platform's access checks to the accounts module through the message bus: answered in
 * this process when it hosts accounts, over NATS otherwise (the composition root may know modules;
 * the platform may not).
 */
export const accessStatusSource: Provider = {
  provide: ACCESS_STATUS_SOURCE,
  inject: [MessageBus],
  useFactory: (bus: MessageBus): AccessStatusSource => ({
    async statusOf(userId) {
      const status = await bus.query(new GetAccessStatus(userId));
      if (!status) return null;
      return {
        roles: status.roles.filter((role): role is Role => ROLES.includes(role)),
        sessionVersion: status.sessionVersion,
      };
    },
  }),
};
