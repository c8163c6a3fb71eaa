import { PaymentStatus } from './payment-status';
import { RiskDecision } from './risk-assessment';

/** One order's payment as payments knows it: amounts in minor units, provider reference, last4 (never card data). */
export interface Payment {
  readonly id: string;
  readonly orderId: string;
  readonly customerId: string;
  /** What the order costs, minor units of `currency`. */
  readonly amount: number;
  readonly currency: string;
  readonly capturedAmount: number;
  /** Refunded or held for a refund in flight. */
  readonly refundedAmount: number;
  readonly provider: string;
  readonly providerRef: string | null;
  readonly last4: string | null;
  readonly status: PaymentStatus;
  readonly declineReason: string | null;
  readonly shippingCountry: string;
  readonly riskScore: number;
  readonly riskDecision: RiskDecision;
  readonly riskReasons: readonly string[];
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** A payment about to be recorded (its amounts refunded and captured start at zero). */
export type NewPayment = Omit<Payment, 'capturedAmount' | 'refundedAmount' | 'providerRef' | 'createdAt' | 'updatedAt'>;

/** What may change on a payment together with its status. */
export type PaymentChanges = Partial<
  Pick<Payment, 'providerRef' | 'last4' | 'declineReason' | 'capturedAmount' | 'refundedAmount'>
>;

/** Where a refund is: held on the payment while the provider is asked, then succeeded or failed. */
export type RefundStatus = 'pending' | 'succeeded' | 'failed';

/** A refund of (part of) a captured payment; `requestKey` makes a retried request the same refund. */
export interface Refund {
  readonly id: string;
  readonly paymentId: string;
  readonly requestKey: string;
  /** Minor units, in the payment's currency. */
  readonly amount: number;
  readonly reason: string;
  readonly status: RefundStatus;
  readonly providerRef: string | null;
  readonly failureReason: string | null;
  readonly createdAt: Date;
}

/** A refund about to be recorded. */
export type NewRefund = Omit<Refund, 'createdAt'>;
