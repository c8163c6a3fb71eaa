import { Command, CommandContract, Money } from '../../../platform/messaging/contracts';
import { PromotionCart, PromotionEvaluation, PromotionRefusalView } from './evaluate-promotions.query';

/** What the customer saw and accepted: the redemption refuses anything else. */
export interface ExpectedPromotions {
  /** The ids of `EvaluatePromotions`'s `applied` (codes and automatic promotions). */
  readonly promotionIds: readonly string[];
  /** Its `discountTotal`. */
  readonly discountTotal: Money;
}

export interface RedeemPromotionResult {
  /**
   * `redeemed`: every applied promotion is counted for the order (`PromotionRedeemed`);
   * `rejected`: none is (`PromotionRejected`, with `refusal`); `released`: the order's redemption was
   * released before (a compensation that overtook it), nothing is counted. A repeat answers the first outcome.
   */
  readonly outcome: 'redeemed' | 'rejected' | 'released';
  readonly refusal: PromotionRefusalView | null;
  /** With `redeemed`: the discounts redeemed (as `EvaluatePromotions` answers them). */
  readonly evaluation: PromotionEvaluation | null;
}

/**
 * Checkout's promotion step: re-evaluates the order's codes and expected automatic promotions with
 * the customer known (per-customer limits, first order), then counts every applied promotion
 * atomically — the total limit by one conditional UPDATE of the promotion's counter, the per-customer
 * limit by one conditional upsert of the customer's counter, all or none. Idempotent by order id.
 * Answered by `PromotionRedeemed` or `PromotionRejected` (also published).
 */
@CommandContract(
  'promotions.RedeemPromotion',
  () =>
    new RedeemPromotion(
      '0190a000-0000-7000-8000-000000000001',
      ['WELCOME10'],
      {
        currency: 'EUR',
        lines: [
          {
            lineId: 'line-1',
            productId: '0190a000-0000-7000-8000-000000000003',
            categoryIds: [],
            unitPrice: { amount: 2495, currency: 'EUR' },
            quantity: 2,
          },
        ],
        shippingTotal: { amount: 490, currency: 'EUR' },
        customer: { customerId: '0190a000-0000-7000-8000-000000000002', previousOrders: null },
      },
      { promotionIds: ['0190a000-0000-7000-8000-000000000005'], discountTotal: { amount: 499, currency: 'EUR' } },
    ),
  { key: (c) => c.orderId },
)
export class RedeemPromotion extends Command<RedeemPromotionResult> {
  constructor(
    /** The order; the idempotency key. */
    readonly orderId: string,
    /** The codes on the order, in the order applied (may be empty: automatic promotions only). */
    readonly codes: readonly string[],
    /** The order's lines and shipping price; `customer` is required (`previousOrders` may be null, see there). */
    readonly cart: PromotionCart,
    /** What the customer accepted; null redeems whatever applies now. */
    readonly expected: ExpectedPromotions | null,
  ) {
    super();
  }
}
