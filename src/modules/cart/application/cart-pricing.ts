import { Injectable, Logger } from '@nestjs/common';
import { MessageBus } from '../../../platform/messaging';
import type { Money } from '../../../platform/money';
import { AppliedPromotionView, EvaluatePromotions, PromotionEvaluation, PromotionRefusalView } from '../../promotions';
import { ComputeTax, TaxComputation } from '../../tax';
import { PricingBasis } from '../domain/cart';
import { composeBreakdown, TotalsBreakdown } from '../domain/totals-breakdown';

/** A module the cart prices through that did not answer; the price is then shown without it. */
export type PricingSource = 'promotions' | 'tax';

/** What one promotion took off one line or off shipping. */
export interface PromotionShare {
  readonly promotionId: string;
  /** The code the customer applied; null for an automatic promotion. */
  readonly code: string | null;
  readonly amount: Money;
}

/** A priced line: the breakdown's line plus the rate and the shares of each promotion. */
export interface PricedLineExtras {
  readonly lineId: string;
  readonly variantId: string;
  readonly taxRatePpm: number;
  readonly byPromotion: readonly PromotionShare[];
}

/**
 * A cart priced through promotions and tax (ADR 0107). `breakdown` always adds up; when a module did
 * not answer (`unavailable`), its part is 0 (no discount, or no tax) and the price is incomplete.
 */
export interface PricedCart {
  readonly currency: string;
  readonly breakdown: TotalsBreakdown;
  /** One per breakdown line, same order. */
  readonly lines: readonly PricedLineExtras[];
  /** Null when no shipping is counted (no method chosen, no lines, or a price in another currency). */
  readonly shipping: { readonly taxRatePpm: number; readonly byPromotion: readonly PromotionShare[] } | null;
  /** The country tax was computed for; null when none was known (or tax did not answer). */
  readonly taxCountry: string | null;
  /** Promotions that apply, in selection order: codes as applied, then automatic ones. */
  readonly applied: readonly AppliedPromotionView[];
  /** Codes the cart holds that do not apply (now): expired, exhausted, ineligible, not combinable… */
  readonly refused: readonly PromotionRefusalView[];
  /** Automatic promotions left out (not eligible, or not combinable with a code). */
  readonly leftOut: readonly PromotionRefusalView[];
  /** The modules that did not answer: empty when the price is complete. */
  readonly unavailable: readonly PricingSource[];
}

/** Who the cart is priced for, and where to. */
export interface PricingFor {
  /** The customer (per-customer limits, first-order conditions); null for a guest cart. */
  readonly customerId: string | null;
  /** The codes to evaluate, in order (the cart's, or the cart's and one being applied). */
  readonly codes: readonly string[];
  /** The tax country (ISO 3166-1 alpha-2); null: tax's default country (an estimate, ADR 0107). */
  readonly country: string | null;
}

/**
 * The one pricing of a cart, shared by the cart's view and checkout's `GetCartForCheckout`: promotions'
 * discounts on the lines and shipping, then tax on each line's amount after its discount and on
 * shipping after its discount, then the breakdown (ADR 0107 §5–6). Promotions and tax are asked on
 * the bus; when one does not answer (split topology, module down) the cart is priced without it and
 * says so (`unavailable`), never failing the read.
 */
@Injectable()
export class CartPricing {
  private readonly logger = new Logger('CartPricing');
  /** Tax's price mode as last reported, so a cart priced while tax is down reads its prices right. */
  private lastTaxIncluded = false;

  constructor(private readonly bus: MessageBus) {}

  /** Prices `basis` for `to`; never throws for a module that does not answer. */
  async price(basis: PricingBasis, to: PricingFor): Promise<PricedCart> {
    const unavailable: PricingSource[] = [];
    const { currency } = basis;
    const money = (amount: number): Money => ({ amount, currency });

    let evaluation: PromotionEvaluation | null = null;
    if (basis.lines.length > 0) {
      try {
        evaluation = await this.evaluate(basis, to.codes, to.customerId);
      } catch (error) {
        unavailable.push('promotions');
        this.logger.warn({ err: error }, 'Promotions did not answer; the cart is priced without discounts');
      }
    }
    const lineDiscount = new Map(evaluation?.lines.map((line) => [line.lineId, line]));
    const discountOf = (lineId: string) => lineDiscount.get(lineId)?.discount.amount ?? 0;
    const shippingDiscount = basis.shipping ? (evaluation?.shipping.discount.amount ?? 0) : 0;

    let tax: TaxComputation | null = null;
    try {
      tax = await this.bus.query(
        new ComputeTax(
          to.country,
          currency,
          basis.lines.map((line) => ({
            lineId: line.lineId,
            taxCategory: line.taxCategory,
            amount: money(line.unitPrice.amount * line.quantity - discountOf(line.lineId)),
          })),
          basis.shipping && money(basis.shipping.price.amount - shippingDiscount),
        ),
      );
      this.lastTaxIncluded = tax.taxIncluded;
    } catch (error) {
      unavailable.push('tax');
      this.logger.warn({ err: error }, 'Tax did not answer; the cart is priced without tax');
    }
    const lineTax = new Map(tax?.lines.map((line) => [line.lineId, line]));

    const breakdown = composeBreakdown({
      currency,
      taxIncluded: tax?.taxIncluded ?? this.lastTaxIncluded,
      lines: basis.lines.map((line) => ({
        lineId: line.lineId,
        unitPrice: line.unitPrice,
        quantity: line.quantity,
        discount: money(discountOf(line.lineId)),
        tax: lineTax.get(line.lineId)?.tax ?? money(0),
      })),
      shipping: basis.shipping && {
        price: basis.shipping.price,
        discount: money(shippingDiscount),
        tax: tax?.shipping.tax ?? money(0),
      },
    });
    const codeOf = new Map(evaluation?.applied.map((p) => [p.promotionId, p.code]));
    const shares = (list: readonly { promotionId: string; amount: Money }[] | undefined): PromotionShare[] =>
      (list ?? []).map((s) => ({
        promotionId: s.promotionId,
        code: codeOf.get(s.promotionId) ?? null,
        amount: s.amount,
      }));
    return {
      currency,
      breakdown,
      lines: basis.lines.map((line) => ({
        lineId: line.lineId,
        variantId: line.variantId,
        taxRatePpm: lineTax.get(line.lineId)?.ratePpm ?? 0,
        byPromotion: shares(lineDiscount.get(line.lineId)?.byPromotion),
      })),
      shipping: basis.shipping && {
        taxRatePpm: tax?.shipping.ratePpm ?? 0,
        byPromotion: shares(evaluation?.shipping.byPromotion),
      },
      taxCountry: tax?.country ?? null,
      applied: evaluation?.applied ?? [],
      refused: evaluation?.refused ?? [],
      leftOut: evaluation?.leftOut ?? [],
      unavailable,
    };
  }

  /**
   * What shipping quotes on (ADR 0106): the lines of `basis` after the discounts of `codes` (and the
   * automatic promotions) on goods. Null when promotions does not answer (logged): the caller then
   * uses the subtotal before discounts.
   */
  async discountedSubtotal(
    basis: PricingBasis,
    codes: readonly string[],
    customerId: string | null,
  ): Promise<Money | null> {
    if (basis.lines.length === 0) return { amount: 0, currency: basis.currency };
    try {
      return (await this.evaluate(basis, codes, customerId)).discountedSubtotal;
    } catch (error) {
      this.logger.warn({ err: error }, 'Promotions did not answer; no subtotal after discounts');
      return null;
    }
  }

  /**
   * Asks promotions about `codes` on the lines of `basis` (at least one). Throws what the bus throws
   * (`ModuleUnreachableError` when promotions does not answer): applying a code needs the answer.
   */
  evaluate(basis: PricingBasis, codes: readonly string[], customerId: string | null): Promise<PromotionEvaluation> {
    return this.bus.query(
      new EvaluatePromotions(codes, {
        currency: basis.currency,
        lines: basis.lines.map((line) => ({
          lineId: line.lineId,
          productId: line.productId,
          categoryIds: line.categoryIds,
          unitPrice: line.unitPrice,
          quantity: line.quantity,
        })),
        shippingTotal: basis.shipping?.price ?? null,
        customer: customerId === null ? null : { customerId, previousOrders: null },
      }),
    );
  }
}
