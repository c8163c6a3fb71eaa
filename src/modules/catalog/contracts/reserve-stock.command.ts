import { Command, CommandContract, Money } from '../../../platform/messaging/contracts';

export interface StockLine {
  readonly variantId: string;
  /** A positive integer. */
  readonly quantity: number;
  /**
   * The unit price the order charges (the price the customer accepted), in minor units. If
   * catalog's current price differs, nothing is reserved (`price_changed`): an order is never
   * charged a price other than the one its customer agreed to, whenever the price changed.
   */
  readonly unitPrice: Money;
}

export interface ReserveStockResult {
  readonly status: 'reserved' | 'rejected';
}

/** Reserves every line of an order or none, at the prices it names. Idempotent by order id: a repeat returns the first outcome and publishes nothing new. Answered by `StockReserved` or `StockReservationRejected`. */
@CommandContract(
  'catalog.ReserveStock',
  () =>
    new ReserveStock('0190a000-0000-7000-8000-000000000001', [
      { variantId: '0190a000-0000-7000-8000-000000000002', quantity: 2, unitPrice: { amount: 1999, currency: 'EUR' } },
    ]),
  { key: (c) => c.orderId },
)
export class ReserveStock extends Command<ReserveStockResult> {
  constructor(
    /** The order the units are held for; the idempotency key. */
    readonly orderId: string,
    /** One line per variant (a variant twice is rejected). */
    readonly lines: readonly StockLine[],
  ) {
    super();
  }
}
