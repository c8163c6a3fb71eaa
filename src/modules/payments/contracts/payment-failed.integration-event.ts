import { IntegrationEvent, IntegrationEventContract } from '../../../platform/messaging/contracts';

/** What `payments.PaymentFailed.v1` carries: which operation on the payment failed, and why. */
export interface PaymentFailedPayload {
  readonly paymentId: string;
  readonly orderId: string;
  readonly operation: 'capture' | 'void' | 'refund';
  readonly reason: string;
}

/** A capture, void or refund could not be done (the provider refused or the payment was in the wrong state). */
@IntegrationEventContract(
  'payments.PaymentFailed.v1',
  () =>
    new PaymentFailed({
      paymentId: '0190a000-0000-7000-8000-000000000001',
      orderId: '0190a000-0000-7000-8000-000000000002',
      operation: 'capture',
      reason: 'authorization_expired',
    }),
  { key: (e) => e.payload.orderId },
)
export class PaymentFailed extends IntegrationEvent<PaymentFailedPayload> {}
