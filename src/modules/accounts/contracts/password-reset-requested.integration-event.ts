import { IntegrationEvent, IntegrationEventContract } from '../../../platform/messaging/contracts';

export interface PasswordResetRequestedPayload {
  readonly userId: string;
  readonly email: string;
  readonly name: string;
  readonly resetUrl: string;
  readonly expiresAt: string;
}

/** A password reset was asked for an existing account; `resetUrl` carries the single-use token (only notifications reads it). */
@IntegrationEventContract(
  'accounts.PasswordResetRequested.v1',
  () =>
    new PasswordResetRequested({
      userId: '0190a000-0000-7000-8000-000000000001',
      email: 'ada@example.com',
      name: 'Ada',
      resetUrl: 'http://localhost:3000/reset?token=x',
      expiresAt: '2026-01-01T00:30:00.000Z',
    }),
  { key: (e) => e.payload.userId },
)
export class PasswordResetRequested extends IntegrationEvent<PasswordResetRequestedPayload> {}
