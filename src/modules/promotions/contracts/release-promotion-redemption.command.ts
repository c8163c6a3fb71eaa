import { Command, CommandContract } from '../../../platform/messaging/contracts';

export interface ReleasePromotionRedemptionResult {
  /**
   * `released`: the order's uses were given back now; `nothing-to-release`: it had none, or they were
   * given back before (a repeat is harmless). A release before the redemption leaves a tombstone, so
   * a late `RedeemPromotion` for the order counts nothing.
   */
  readonly outcome: 'released' | 'nothing-to-release';
}

/**
 * Compensation: gives back every use an order's redemption counted (total and per customer), for a
 * cancelled or refunded order. Idempotent by order id.
 */
@CommandContract(
  'promotions.ReleasePromotionRedemption',
  () => new ReleasePromotionRedemption('0190a000-0000-7000-8000-000000000001', 'payment_declined'),
  { key: (c) => c.orderId },
)
export class ReleasePromotionRedemption extends Command<ReleasePromotionRedemptionResult> {
  constructor(
    /** The order whose redemption is given back. */
    readonly orderId: string,
    /** Why, for the record (e.g. `payment_declined`, `cancelled_by_customer`, `refunded`). */
    readonly reason: string,
  ) {
    super();
  }
}
