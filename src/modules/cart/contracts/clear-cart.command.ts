import { Command, CommandContract } from '../../../platform/messaging/contracts';

/** Empties a cart after its order was confirmed. Idempotent by order id. Publishes `CartCheckedOut`. */
@CommandContract(
  'cart.ClearCart',
  () => new ClearCart('0190a000-0000-7000-8000-000000000001', '0190a000-0000-7000-8000-000000000002'),
  { key: (c) => c.orderId },
)
export class ClearCart extends Command<void> {
  constructor(
    /** The cart. */
    readonly cartId: string,
    /** The order it became. */
    readonly orderId: string,
  ) {
    super();
  }
}
