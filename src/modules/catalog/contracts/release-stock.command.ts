import { Command, CommandContract } from '../../../platform/messaging/contracts';

/** Gives back the units held for an order (compensation). Idempotent; releasing nothing is not an error. Publishes `StockReleased` when units were held. */
@CommandContract(
  'catalog.ReleaseStock',
  () => new ReleaseStock('0190a000-0000-7000-8000-000000000001', 'payment_declined'),
  { key: (c) => c.orderId },
)
export class ReleaseStock extends Command<void> {
  constructor(
    /** The order whose reservation ends. */
    readonly orderId: string,
    /** Why, for the record (e.g. `payment_declined`). */
    readonly reason: string,
  ) {
    super();
  }
}
