import { IntegrationEvent, IntegrationEventContract, Money } from '../../../platform/messaging/contracts';

/** What `payments.PaymentAuthorized.v1` carries: the payment, its order and the amount held. */
export interface PaymentAuthorizedPayload {
  readonly paymentId: string;
  readonly orderId: string;
  readonly amount: Money;
  /**
   * True when the risk check sent the payment to review: authorized but not to be captured until
   * `PaymentReviewed` says approved (or rejected). Absent or false: capture as usual.
   */
  readonly heldForReview?: boolean;
  /** When an unreviewed hold follows the configured default (ISO 8601); set with `heldForReview`. */
  readonly reviewDeadline?: string;
}

/** An order's amount is held on the customer's card. */
@IntegrationEventContract(
  'payments.PaymentAuthorized.v1',
  () =>
    new PaymentAuthorized({
      paymentId: '0190a000-0000-7000-8000-000000000001',
      orderId: '0190a000-0000-7000-8000-000000000002',
      amount: { amount: 1999, currency: 'EUR' },
    }),
  { key: (e) => e.payload.orderId },
)
export class PaymentAuthorized extends IntegrationEvent<PaymentAuthorizedPayload> {}
