import { IntegrationEvent, IntegrationEventContract } from '../../../platform/messaging/contracts';

/** What `payments.PaymentReviewed.v1` carries: how a payment held for review ended. */
export interface PaymentReviewedPayload {
  readonly paymentId: string;
  readonly orderId: string;
  /** `approved`: capture it as usual; `rejected`: cancel the order (`payment_risk`), which voids the hold. */
  readonly outcome: 'approved' | 'rejected';
  /** `admin` (a person decided) or `deadline` (nobody did in time: the configured default applied). */
  readonly decidedBy: 'admin' | 'deadline';
  /** ISO 8601. */
  readonly reviewedAt: string;
}

/** A payment the risk check held for review (`PaymentAuthorized.heldForReview`) was approved or rejected. */
@IntegrationEventContract(
  'payments.PaymentReviewed.v1',
  () =>
    new PaymentReviewed({
      paymentId: '0190a000-0000-7000-8000-000000000001',
      orderId: '0190a000-0000-7000-8000-000000000002',
      outcome: 'approved',
      decidedBy: 'admin',
      reviewedAt: '2026-11-29T12:00:00.000Z',
    }),
  { key: (e) => e.payload.orderId },
)
export class PaymentReviewed extends IntegrationEvent<PaymentReviewedPayload> {}
