import { Command, CommandContract } from '../../../platform/messaging/contracts';

export interface StockLine {
  readonly variantId: string;
  /** A positive integer. */
  readonly quantity: number;
}

export interface ReserveStockResult {
  readonly status: 'reserved' | 'rejected';
}

/** Reserves every line of an order or none. Idempotent by order id: a repeat returns the first outcome and publishes nothing new. Answered by `StockReserved` or `StockReservationRejected`. */
@CommandContract(
  'catalog.ReserveStock',
  () =>
    new ReserveStock('0190a000-0000-7000-8000-000000000001', [
      { variantId: '0190a000-0000-7000-8000-000000000002', quantity: 2 },
    ]),
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
