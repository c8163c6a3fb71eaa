import { Command, CommandContract } from '../../../platform/messaging/contracts';

/** Puts the committed units of a cancelled (not yet shipped) order back on hand. Idempotent. Publishes `StockReleased`. */
@CommandContract(
  'catalog.RestockOrder',
  () => new RestockOrder('0190a000-0000-7000-8000-000000000001', 'cancelled_by_customer'),
  { key: (c) => c.orderId },
)
export class RestockOrder extends Command<void> {
  constructor(
    /** The cancelled order. */
    readonly orderId: string,
    /** Why, for the record. */
    readonly reason: string,
  ) {
    super();
  }
}
