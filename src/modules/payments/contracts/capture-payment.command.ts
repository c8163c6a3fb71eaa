import { Command, CommandContract } from '../../../platform/messaging/contracts';

/** Captures an order's authorized payment. Idempotent. Publishes `PaymentCaptured` (or `PaymentFailed`). */
@CommandContract('payments.CapturePayment', () => new CapturePayment('0190a000-0000-7000-8000-000000000001'), {
  key: (c) => c.orderId,
})
export class CapturePayment extends Command<void> {
  constructor(
    /** The order. */
    readonly orderId: string,
  ) {
    super();
  }
}
