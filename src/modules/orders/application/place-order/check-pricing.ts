import { Logger } from '@nestjs/common';
import { ProblemException } from '../../../../platform/http';
import { CheckoutCart } from '../../../cart';
import { OrderLine } from '../../domain/order';
import { copyBreakdown, OrderBreakdown, PricingMismatch } from '../../domain/order-breakdown';
import { OrderShipping } from './check-shipping';

const logger = new Logger('PlaceOrder');

/**
 * The order's totals breakdown, copied from the cart as priced through promotions and tax for the
 * order's country (ADR 0107, 0118), never recomputed:
 * - a code the cart holds that no longer applies (expired, exhausted, disabled, ineligible…) is a 409
 *   whose type is the refusal's (`promotion-expired`…), with `code`, `promotionId` and every refusal;
 * - a cart whose pricing is missing (promotions or tax could not be reached), with or without codes,
 *   is a 503 `pricing-unavailable`: a 503 is retried, an order charged without its discount or its
 *   tax is not undone (ADR 0118 §2);
 * - a pricing that does not describe the order's lines, its re-quoted shipping or its country is a 503
 *   `pricing-unavailable` too (never charged: the cart's replier is inconsistent);
 * - each line keeps its product's catalog category ids as catalog answered them at this checkout
 *   (`categories`), so the redemption re-evaluates a category-scoped promotion as the cart did;
 * - `expectedTotal` (minor units), when the client sends it, must equal the priced total, else 409
 *   `total-changed` with both, so a customer is never charged a total other than the one shown;
 * - an order that would total 0 (a 100 % code with free or no shipping) is a 409 `total-zero`:
 *   checkout always charges a payment, and payments holds no payment of 0 (the order would wait for an
 *   authorization that never comes, holding its stock and its codes until the step deadline).
 */
export function checkPricing(
  cart: CheckoutCart,
  lines: readonly OrderLine[],
  categories: ReadonlyMap<string, readonly string[]>,
  shipping: OrderShipping | null,
  country: string,
  expectedTotal: number | undefined,
): OrderBreakdown {
  const breakdown = copied(cart, lines, categories, shipping, country);
  if (expectedTotal !== undefined && expectedTotal !== breakdown.total) {
    throw ProblemException.conflict(
      'total-changed',
      'The order would total another amount than the one the customer was shown; review the cart.',
      {
        expectedTotal: { amount: expectedTotal, currency: breakdown.currency },
        total: { amount: breakdown.total, currency: breakdown.currency },
      },
    );
  }
  if (breakdown.total === 0) {
    throw ProblemException.conflict(
      'total-zero',
      'The order would total 0 and checkout charges a payment for every order; remove a code to order.',
      { total: { amount: 0, currency: breakdown.currency } },
    );
  }
  return breakdown;
}

function copied(
  cart: CheckoutCart,
  lines: readonly OrderLine[],
  categories: ReadonlyMap<string, readonly string[]>,
  shipping: OrderShipping | null,
  country: string,
): OrderBreakdown {
  const pricing = cart.pricing;
  if (!pricing) {
    throw unavailable('The cart could not be priced (promotions or tax unreachable); try again shortly.');
  }
  const [refusal] = pricing.refused;
  if (refusal) {
    throw ProblemException.conflict(refusal.type, refusal.detail, {
      code: refusal.code,
      promotionId: refusal.promotionId,
      refusals: pricing.refused,
    });
  }
  if (pricing.taxCountry !== null && pricing.taxCountry !== country) {
    throw unavailable(`The cart was priced for ${pricing.taxCountry}, not for ${country}.`);
  }
  try {
    return copyBreakdown(pricing, lines, (variantId) => categories.get(variantId) ?? [], shipping?.price ?? null);
  } catch (error) {
    if (!(error instanceof PricingMismatch)) throw error;
    logger.warn(`Cart ${cart.cartId} priced inconsistently: ${error.message}`);
    throw unavailable(`The cart's pricing is inconsistent: ${error.message}`);
  }
}

function unavailable(detail: string): ProblemException {
  return new ProblemException({ status: 503, type: 'pricing-unavailable', detail });
}
