import { IntegrationEvent, IntegrationEventContract, Money } from '../../../platform/messaging/contracts';

/** What `payments.PaymentRefunded.v1` carries: the refund, its amount and the total refunded so far. */
export interface PaymentRefundedPayload {
  readonly paymentId: string;
  readonly orderId: string;
  readonly refundId: string;
  readonly amount: Money;
  readonly totalRefunded: Money;
  /** Why, e.g. `cancelled_by_customer`, an admin's reason, or `provider` for one made at the provider. */
  readonly reason: string;
}

/** Captured money (all or part) went back to the customer. */
@IntegrationEventContract(
  'payments.PaymentRefunded.v1',
  () =>
    new PaymentRefunded({
      paymentId: '0190a000-0000-7000-8000-000000000001',
      orderId: '0190a000-0000-7000-8000-000000000002',
      refundId: '0190a000-0000-7000-8000-000000000003',
      amount: { amount: 1999, currency: 'EUR' },
      totalRefunded: { amount: 1999, currency: 'EUR' },
      reason: 'cancelled_by_customer',
    }),
  { key: (e) => e.payload.orderId },
)
export class PaymentRefunded extends IntegrationEvent<PaymentRefundedPayload> {}
