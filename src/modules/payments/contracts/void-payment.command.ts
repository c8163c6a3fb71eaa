import { Command, CommandContract } from '../../../platform/messaging/contracts';

/** Cancels an order's uncaptured authorization. Idempotent; nothing to void is not an error. Publishes `PaymentVoided`. */
@CommandContract(
  'payments.VoidPayment',
  () => new VoidPayment('0190a000-0000-7000-8000-000000000001', 'stock_rejected'),
  { key: (c) => c.orderId },
)
export class VoidPayment extends Command<void> {
  constructor(
    /** The order. */
    readonly orderId: string,
    /** Why, for the record. */
    readonly reason: string,
  ) {
    super();
  }
}
