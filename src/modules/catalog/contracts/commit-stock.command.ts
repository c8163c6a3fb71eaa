import { Command, CommandContract } from '../../../platform/messaging/contracts';

/** Turns an order's reservation into a sale: the units leave `onHand`. Idempotent. Publishes `StockCommitted`. */
@CommandContract('catalog.CommitStock', () => new CommitStock('0190a000-0000-7000-8000-000000000001'), {
  key: (c) => c.orderId,
})
export class CommitStock extends Command<void> {
  constructor(
    /** The order whose reserved units are sold. */
    readonly orderId: string,
  ) {
    super();
  }
}
