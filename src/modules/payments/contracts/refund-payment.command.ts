import { Command, CommandContract, Money } from '../../../platform/messaging/contracts';

/** Refunds an order's captured payment, all of it or `amount`. Publishes `PaymentRefunded`. */
@CommandContract(
  'payments.RefundPayment',
  () => new RefundPayment('0190a000-0000-7000-8000-000000000001', null, 'cancelled_by_customer'),
  { key: (c) => c.orderId },
)
export class RefundPayment extends Command<void> {
  constructor(
    /** The order. */
    readonly orderId: string,
    /** How much; null for everything not yet refunded. */
    readonly amount: Money | null,
    /** Why, for the record. */
    readonly reason: string,
  ) {
    super();
  }
}
