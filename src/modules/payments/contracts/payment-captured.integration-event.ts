import { IntegrationEvent, IntegrationEventContract, Money } from '../../../platform/messaging/contracts';

/** What `payments.PaymentCaptured.v1` carries: the payment, its order and the amount taken. */
export interface PaymentCapturedPayload {
  readonly paymentId: string;
  readonly orderId: string;
  readonly amount: Money;
}

/** An authorized payment was captured (the money moves). */
@IntegrationEventContract(
  'payments.PaymentCaptured.v1',
  () =>
    new PaymentCaptured({
      paymentId: '0190a000-0000-7000-8000-000000000001',
      orderId: '0190a000-0000-7000-8000-000000000002',
      amount: { amount: 1999, currency: 'EUR' },
    }),
  { key: (e) => e.payload.orderId },
)
export class PaymentCaptured extends IntegrationEvent<PaymentCapturedPayload> {}
