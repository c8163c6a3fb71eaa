import { IntegrationEvent, IntegrationEventContract } from '../../../platform/messaging/contracts';

export interface PasswordChangedPayload {
  readonly userId: string;
  readonly email: string;
  readonly name: string;
}

/** A user's password was changed or reset; every session was revoked. */
@IntegrationEventContract(
  'accounts.PasswordChanged.v1',
  () => new PasswordChanged({ userId: '0190a000-0000-7000-8000-000000000001', email: 'ada@example.com', name: 'Ada' }),
  { key: (e) => e.payload.userId },
)
export class PasswordChanged extends IntegrationEvent<PasswordChangedPayload> {}
