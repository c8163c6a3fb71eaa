import { IntegrationEvent, IntegrationEventContract } from '../../../platform/messaging/contracts';

/** What `payments.PaymentDeclined.v1` carries: why, and the risk score of the attempt. */
export interface PaymentDeclinedPayload {
  readonly paymentId: string;
  readonly orderId: string;
  readonly reason: 'declined' | 'insufficient_funds' | 'risk' | 'provider_error';
  readonly riskScore: number | null;
}

/** An authorization was refused: by the issuer, for lack of funds, or by the risk check. */
@IntegrationEventContract(
  'payments.PaymentDeclined.v1',
  () =>
    new PaymentDeclined({
      paymentId: '0190a000-0000-7000-8000-000000000001',
      orderId: '0190a000-0000-7000-8000-000000000002',
      reason: 'declined',
      riskScore: 10,
    }),
  { key: (e) => e.payload.orderId },
)
export class PaymentDeclined extends IntegrationEvent<PaymentDeclinedPayload> {}
