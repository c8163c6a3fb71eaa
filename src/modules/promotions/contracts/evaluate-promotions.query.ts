import { Money, Query, QueryContract } from '../../../platform/messaging/contracts';

/** One cart or order line as promotions sees it. */
export interface PromotionCartLine {
  /** The caller's id of the line, echoed back. */
  readonly lineId: string;
  /** Catalog's product id (a promotion's scope names products). */
  readonly productId: string;
  /** Catalog's category ids of the product (a promotion's scope names categories). */
  readonly categoryIds: readonly string[];
  /** The accepted unit price, minor units, in the cart's currency and the store's price mode. */
  readonly unitPrice: Money;
  /** A positive integer. */
  readonly quantity: number;
}

/** What promotions knows of the customer of a cart or order. */
export interface PromotionCustomer {
  readonly customerId: string;
  /**
   * The customer's earlier orders that were not cancelled, if the caller counted them (orders can);
   * null: promotions counts them itself from its read model of orders' `OrderPlaced` and
   * `OrderCancelled` (ADR 0115), the order being redeemed excluded.
   */
  readonly previousOrders: number | null;
}

/** A cart-like input: lines in one currency, the shipping price, the customer. */
export interface PromotionCart {
  /** ISO 4217; every amount is in it. The subtotal is Σ unit price × quantity of the lines. */
  readonly currency: string;
  /** 1 to 200 lines. */
  readonly lines: readonly PromotionCartLine[];
  /** The chosen shipping method's price before any discount; null while none is chosen. */
  readonly shippingTotal: Money | null;
  /** Null for a guest cart: per-customer limits and `firstOrderOnly` are then checked at redemption. */
  readonly customer: PromotionCustomer | null;
}

/**
 * Why a promotion does not apply (the problem type of the cart's 409, and checkout's reason). The
 * fields after `detail` are present only for the types that carry them.
 */
export interface PromotionRefusalView {
  readonly type:
    | 'promotion-unknown'
    | 'promotion-disabled'
    | 'promotion-not-started'
    | 'promotion-expired'
    | 'promotion-exhausted'
    | 'promotion-ineligible'
    | 'promotion-not-combinable'
    | 'promotion-changed';
  /** The code as typed (normalised to upper case); null for an automatic promotion. */
  readonly code: string | null;
  /** Null for `promotion-unknown`. */
  readonly promotionId: string | null;
  /** A sentence for the problem's `detail`. */
  readonly detail: string;
  /** `promotion-not-started`: ISO 8601. */
  readonly startsAt?: string;
  /** `promotion-expired`: ISO 8601. */
  readonly endedAt?: string;
  /** `promotion-exhausted`: which limit. */
  readonly limit?: 'total' | 'per-customer';
  /** `promotion-exhausted`: that limit. */
  readonly maxRedemptions?: number;
  /** `promotion-ineligible`: the condition not met. */
  readonly condition?: 'currency' | 'first-order' | 'scope' | 'minimum-subtotal';
  /** `promotion-ineligible` with `minimum-subtotal`: the minimum. */
  readonly minimumSubtotal?: Money;
  /** `promotion-not-combinable`: the applied promotion it conflicts with. */
  readonly conflictsWith?: { readonly promotionId: string; readonly code: string | null };
}

/** What one promotion took off one line or off shipping. */
export interface PromotionShareView {
  readonly promotionId: string;
  readonly amount: Money;
}

/** A promotion that applies, and all it takes (lines and shipping). */
export interface AppliedPromotionView {
  readonly promotionId: string;
  readonly code: string | null;
  readonly benefit: 'percentage' | 'fixed-amount' | 'free-shipping';
  readonly combinable: boolean;
  readonly amount: Money;
}

/** A line's discount: never more than unit price × quantity. */
export interface LineDiscountView {
  readonly lineId: string;
  readonly discount: Money;
  readonly byPromotion: readonly PromotionShareView[];
}

/** The promotions of a cart and the discounts they give, in integer minor units (ADR 0107). */
export interface PromotionEvaluation {
  /** In selection order: codes as applied, then automatic promotions by id. */
  readonly applied: readonly AppliedPromotionView[];
  /** One entry per input line, in input order (largest remainder for fixed amounts). */
  readonly lines: readonly LineDiscountView[];
  /** Taken off the shipping price (free shipping); 0 without a shipping price. */
  readonly shipping: { readonly discount: Money; readonly byPromotion: readonly PromotionShareView[] };
  /** Σ line discounts + the shipping discount. */
  readonly discountTotal: Money;
  /** Σ (line amount − line discount): what shipping quotes its price on (ADR 0106). */
  readonly discountedSubtotal: Money;
  /** One per code that does not apply, in the order given: the cart answers 409 with the new code's. */
  readonly refused: readonly PromotionRefusalView[];
  /** Automatic promotions left out (not eligible, or not combinable with a code), so the cart can say why. */
  readonly leftOut: readonly PromotionRefusalView[];
}

/**
 * Evaluates the codes a customer applied (in order) and the automatic promotions against a cart:
 * the discount per line and on shipping, or why a code does not apply. Reads counts as a snapshot;
 * only `RedeemPromotion` counts. Answers a 400 problem for a malformed cart (a caller's bug).
 */
@QueryContract(
  'promotions.EvaluatePromotions',
  () =>
    new EvaluatePromotions(['WELCOME10'], {
      currency: 'EUR',
      lines: [
        {
          lineId: 'line-1',
          productId: '0190a000-0000-7000-8000-000000000003',
          categoryIds: ['0190a000-0000-7000-8000-000000000004'],
          unitPrice: { amount: 2495, currency: 'EUR' },
          quantity: 2,
        },
      ],
      shippingTotal: { amount: 490, currency: 'EUR' },
      customer: { customerId: '0190a000-0000-7000-8000-000000000002', previousOrders: null },
    }),
)
export class EvaluatePromotions extends Query<PromotionEvaluation> {
  constructor(
    /** The codes applied to the cart, in order (case-insensitive; at most 10). */
    readonly codes: readonly string[],
    readonly cart: PromotionCart,
  ) {
    super();
  }
}
