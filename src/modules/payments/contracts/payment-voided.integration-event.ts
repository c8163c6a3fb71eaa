import { IntegrationEvent, IntegrationEventContract } from '../../../platform/messaging/contracts';

/** What `payments.PaymentVoided.v1` carries: the released authorization's payment and order, and why. */
export interface PaymentVoidedPayload {
  readonly paymentId: string;
  readonly orderId: string;
  readonly reason: string;
}

/** An authorization was cancelled before capture. */
@IntegrationEventContract(
  'payments.PaymentVoided.v1',
  () =>
    new PaymentVoided({
      paymentId: '0190a000-0000-7000-8000-000000000001',
      orderId: '0190a000-0000-7000-8000-000000000002',
      reason: 'stock_rejected',
    }),
  { key: (e) => e.payload.orderId },
)
export class PaymentVoided extends IntegrationEvent<PaymentVoidedPayload> {}
