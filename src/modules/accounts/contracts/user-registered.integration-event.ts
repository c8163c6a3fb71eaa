import { IntegrationEvent, IntegrationEventContract } from '../../../platform/messaging/contracts';

export interface UserRegisteredPayload {
  readonly userId: string;
  readonly email: string;
  readonly name: string;
}

/** Someone signed up. */
@IntegrationEventContract(
  'accounts.UserRegistered.v1',
  () => new UserRegistered({ userId: '0190a000-0000-7000-8000-000000000001', email: 'ada@example.com', name: 'Ada' }),
  { key: (e) => e.payload.userId },
)
export class UserRegistered extends IntegrationEvent<UserRegisteredPayload> {}
