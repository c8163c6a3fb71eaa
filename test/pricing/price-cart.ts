import { composeBreakdown, TotalsBreakdown } from '../../src/modules/cart/domain/totals-breakdown';
import { computeDiscounts, Discounts } from '../../src/modules/promotions/domain/discounts';
import { selectPromotions, Selection } from '../../src/modules/promotions/domain/combination';
import { checkEligibility, CustomerFacts } from '../../src/modules/promotions/domain/eligibility';
import { Promotion } from '../../src/modules/promotions/domain/promotion';
import { PromotionRefusal } from '../../src/modules/promotions/domain/promotion-refusal';
import { taxCart } from '../../src/modules/tax/domain/line-tax';
import { CountryTaxRules, PriceMode } from '../../src/modules/tax/domain/tax-rules';

/** A cart line with what promotions and tax need to know of its product. */
export interface CartLineFacts {
  readonly lineId: string;
  readonly productId: string;
  readonly categoryIds: readonly string[];
  readonly taxCategory: string | null;
  readonly unitPrice: number;
  readonly quantity: number;
}

export interface PricingInput {
  readonly currency: string;
  readonly mode: PriceMode;
  readonly lines: readonly CartLineFacts[];
  readonly shippingPrice: number | null;
  readonly codes: readonly Promotion[];
  readonly automatic: readonly Promotion[];
  readonly taxRules: CountryTaxRules | null;
  readonly customer: CustomerFacts | null;
  readonly now: Date;
}

export interface Priced {
  readonly breakdown: TotalsBreakdown;
  readonly selection: Selection;
  readonly refused: readonly PromotionRefusal[];
  readonly discounts: Discounts;
}

/**
 * The pricing pipeline the cart will run once promotions and tax are modules (ADR 0107), written
 * with their domain functions directly: eligibility → combination → discounts on goods → (the cart
 * quotes shipping here, on the discounted subtotal, ADR 0106; these tests give a fixed price) →
 * discount on shipping → tax on the discounted amounts → breakdown. Redemption counts are 0 here
 * (limits are the redemption step's).
 */
export function priceCart(input: PricingInput): Priced {
  const { currency, lines, now, customer } = input;
  const discountable = lines.map((l) => ({ ...l, amount: l.unitPrice * l.quantity }));
  const context = { now, currency, lines: discountable, customer, redemptions: { total: 0, byCustomer: 0 } };
  const refused: PromotionRefusal[] = [];
  const eligible = (promotions: readonly Promotion[]) =>
    promotions.filter((p) => {
      const refusal = checkEligibility(p, context);
      if (refusal) refused.push(refusal);
      return !refusal;
    });
  const selection = selectPromotions(eligible(input.codes), eligible(input.automatic));
  const shipping = input.shippingPrice ?? 0;
  const discounts = computeDiscounts(selection.applied, discountable, shipping, currency);
  const tax = taxCart(
    input.taxRules,
    input.mode,
    discountable.map((l, i) => ({
      lineId: l.lineId,
      taxCategory: l.taxCategory,
      amount: l.amount - discounts.lines[i].amount,
    })),
    shipping - discounts.shipping.amount,
  );
  const money = (amount: number) => ({ amount, currency });
  const breakdown = composeBreakdown({
    currency,
    taxIncluded: input.mode === 'tax-inclusive',
    lines: lines.map((l, i) => ({
      lineId: l.lineId,
      unitPrice: money(l.unitPrice),
      quantity: l.quantity,
      discount: money(discounts.lines[i].amount),
      tax: money(tax.lines[i].tax),
    })),
    shipping:
      input.shippingPrice === null
        ? null
        : { price: money(shipping), discount: money(discounts.shipping.amount), tax: money(tax.shipping.tax) },
  });
  return { breakdown, selection, refused, discounts };
}
