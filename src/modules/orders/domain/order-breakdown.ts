import { DomainError } from '../../../platform/errors';
import { Money, sumMinorUnits } from '../../../platform/money';
import { OrderLine, OrderPromotion, OrderPromotionShare, PricedPart } from './order';

export type { OrderPromotion, OrderPromotionShare, PricedPart };

/** An order line with what it paid. */
export interface PricedOrderLine extends OrderLine {
  readonly pricing: PricedPart;
  /** Catalog's category ids of the product when the order was placed (promotions' scope at redemption). */
  readonly categoryIds: readonly string[];
}

/**
 * An order's totals breakdown as copied from the priced cart at checkout, never recomputed
 * (ADR 0107 §3): `total = subtotal − discountTotal + shippingTotal + (taxIncluded ? 0 : taxTotal)`.
 */
export interface OrderBreakdown {
  readonly currency: string;
  readonly subtotal: number;
  readonly discountTotal: number;
  readonly shippingTotal: number;
  readonly taxTotal: number;
  readonly total: number;
  readonly taxIncluded: boolean;
  /** The country the tax was computed for; null on orders priced plainly before ADR 0118's amendment. */
  readonly taxCountry: string | null;
  readonly lines: readonly PricedOrderLine[];
  /** Null without a shipping method. */
  readonly shipping: PricedPart | null;
  readonly promotions: readonly OrderPromotion[];
  readonly itemCount: number;
}

/** The part of cart's `CheckoutPricing` an order copies (structurally; the domain imports no module). */
export interface PricingToCopy {
  readonly taxIncluded: boolean;
  readonly taxCountry: string | null;
  readonly subtotal: Money;
  readonly discountTotal: Money;
  readonly shippingTotal: Money;
  readonly taxTotal: Money;
  readonly total: Money;
  readonly lines: readonly PricedPartToCopy[];
  readonly shipping: PricedPartToCopy | null;
  readonly promotions: readonly {
    readonly promotionId: string;
    readonly code: string | null;
    readonly benefit: OrderPromotion['benefit'];
    readonly amount: Money;
  }[];
}

interface PricedPartToCopy {
  readonly lineId?: string;
  readonly quantity?: number;
  readonly unitPrice?: Money;
  readonly amount: Money;
  readonly discount: Money;
  readonly tax: Money;
  readonly taxRatePpm: number;
  readonly byPromotion: readonly {
    readonly promotionId: string;
    readonly code: string | null;
    readonly amount: Money;
  }[];
}

/** The cart's pricing does not describe the order's lines and shipping (a cart that changed, or a bug). */
export class PricingMismatch extends DomainError<'pricing-mismatch'> {
  override name = 'PricingMismatch';

  constructor(detail: string) {
    super('pricing-mismatch', detail);
  }
}

/**
 * The order's breakdown copied from the cart's pricing. It is checked, not recomputed: one priced line
 * per order line (by variant id, quantity and unit price), shipping priced at the re-quoted price, every
 * amount in the order's currency, no part negative, a discount never above its amount, and each part
 * and the whole obeying the breakdown's rule.
 * @throws PricingMismatch when any of that fails.
 */
export function copyBreakdown(
  pricing: PricingToCopy,
  lines: readonly OrderLine[],
  categoryIds: (variantId: string) => readonly string[],
  shipping: Money | null,
): OrderBreakdown {
  const currency = pricing.total.currency;
  const money = (m: Money, what: string): number => {
    if (m.currency !== currency) throw new PricingMismatch(`${what} is in ${m.currency}, not ${currency}`);
    if (!Number.isSafeInteger(m.amount) || m.amount < 0) throw new PricingMismatch(`${what} is not a whole amount ≥ 0`);
    return m.amount;
  };
  const part = (p: PricedPartToCopy, what: string): PricedPart => {
    const copied: PricedPart = {
      amount: money(p.amount, `${what} amount`),
      discount: money(p.discount, `${what} discount`),
      tax: money(p.tax, `${what} tax`),
      taxRatePpm: p.taxRatePpm,
      byPromotion: p.byPromotion.map((s) => ({
        promotionId: s.promotionId,
        code: s.code,
        amount: money(s.amount, `${what} promotion share`),
      })),
    };
    if (copied.discount > copied.amount) throw new PricingMismatch(`${what} discount exceeds its amount`);
    if (sumMinorUnits(copied.byPromotion.map((s) => s.amount)) !== copied.discount)
      throw new PricingMismatch(`${what} discount is not the sum of its promotions`);
    return copied;
  };
  if (pricing.lines.length !== lines.length) throw new PricingMismatch('The pricing has another number of lines');
  const priced = lines.map((line, i): PricedOrderLine => {
    const p = pricing.lines[i];
    if (
      (p.lineId !== undefined && p.lineId !== line.variantId) ||
      p.quantity !== line.quantity ||
      p.unitPrice?.amount !== line.unitPrice.amount ||
      p.unitPrice.currency !== line.unitPrice.currency ||
      p.amount.amount !== line.unitPrice.amount * line.quantity
    ) {
      throw new PricingMismatch(`Line ${i + 1} is priced for another variant, quantity or price`);
    }
    return { ...line, pricing: part(p, `Line ${i + 1}`), categoryIds: [...categoryIds(line.variantId)] };
  });
  const shippingPart = pricing.shipping ? part(pricing.shipping, 'Shipping') : null;
  if ((shippingPart?.amount ?? 0) !== (shipping?.amount ?? 0) || (shipping !== null) !== (shippingPart !== null)) {
    throw new PricingMismatch('Shipping is priced at another price than the re-quote');
  }
  const parts = [...priced.map((l) => l.pricing), ...(shippingPart ? [shippingPart] : [])];
  const breakdown: OrderBreakdown = {
    currency,
    subtotal: money(pricing.subtotal, 'Subtotal'),
    discountTotal: money(pricing.discountTotal, 'Discount total'),
    shippingTotal: money(pricing.shippingTotal, 'Shipping total'),
    taxTotal: money(pricing.taxTotal, 'Tax total'),
    total: money(pricing.total, 'Total'),
    taxIncluded: pricing.taxIncluded,
    taxCountry: pricing.taxCountry,
    lines: priced,
    shipping: shippingPart,
    promotions: pricing.promotions.map((p) => ({
      promotionId: p.promotionId,
      code: p.code,
      benefit: p.benefit,
      amount: money(p.amount, 'Promotion amount'),
    })),
    itemCount: sumMinorUnits(lines.map((l) => l.quantity)),
  };
  assertSums(breakdown, parts);
  return breakdown;
}

/** What a part costs the customer: `amount − discount + (taxIncluded ? 0 : tax)`. */
export function partTotal(part: PricedPart, taxIncluded: boolean): number {
  return sumMinorUnits([part.amount, -part.discount, taxIncluded ? 0 : part.tax]);
}

function assertSums(b: OrderBreakdown, parts: readonly PricedPart[]): void {
  const sum = (pick: (p: PricedPart) => number) => sumMinorUnits(parts.map(pick));
  const checks: [string, number, number][] = [
    ['subtotal', b.subtotal, sumMinorUnits(b.lines.map((l) => l.pricing.amount))],
    ['shippingTotal', b.shippingTotal, b.shipping?.amount ?? 0],
    ['discountTotal', b.discountTotal, sum((p) => p.discount)],
    ['taxTotal', b.taxTotal, sum((p) => p.tax)],
    ['total', b.total, sum((p) => partTotal(p, b.taxIncluded))],
    ['total', b.total, sumMinorUnits([b.subtotal, -b.discountTotal, b.shippingTotal, b.taxIncluded ? 0 : b.taxTotal])],
  ];
  for (const [what, stated, computed] of checks) {
    if (stated !== computed) throw new PricingMismatch(`${what} is ${stated}, its parts sum to ${computed}`);
  }
}
