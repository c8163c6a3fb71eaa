import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { CheckoutCart, CheckoutPricing, GetCartForCheckout } from '../../contracts';
import { Cart } from '../../domain/cart';
import { CartRepository } from '../../infrastructure/cart.repository';
import { CartChanges } from '../cart-changes';
import { CartPricing, PricedCart } from '../cart-pricing';
import { isUuid } from '../../../../platform/ids';

/**
 * Checkout's view of a customer's open cart: lines with the prices the customer accepted, and the
 * cart priced at those prices through promotions and tax (the same `CartPricing` as the cart's view)
 * for the order's shipping country. When promotions or tax does not answer, `pricing` is left out:
 * checkout must not charge a price it could not complete (it answers 503).
 */
@QueryHandler(GetCartForCheckout)
export class GetCartForCheckoutHandler implements IQueryHandler<GetCartForCheckout> {
  constructor(
    private readonly carts: CartRepository,
    private readonly changes: CartChanges,
    private readonly pricing: CartPricing,
  ) {}

  async execute(query: GetCartForCheckout): Promise<CheckoutCart | null> {
    if (!isUuid(query.cartId)) return null;
    const cart = await this.carts.find(query.cartId);
    if (!cart || cart.status !== 'open' || cart.customerId === null || cart.customerId !== query.customerId) {
      return null;
    }
    const pricing = await this.priced(cart, query.shippingCountry);
    return {
      cartId: cart.id,
      customerId: cart.customerId,
      lines: cart.lines.map((l) => ({
        variantId: l.variantId,
        productId: l.productId,
        sku: l.sku,
        title: l.title,
        quantity: l.quantity,
        acceptedUnitPrice: l.acceptedUnitPrice,
      })),
      subtotal: cart.acceptedSubtotal(this.changes.defaultCurrency),
      ...(cart.shipping ? { shippingMethod: { ...cart.shipping, price: { ...cart.shipping.price } } } : {}),
      promotionCodes: [...cart.promotionCodes],
      ...(pricing ? { pricing } : {}),
    };
  }

  /** The cart at its accepted prices for `shippingCountry` (else the method's country, else tax's default). */
  private async priced(cart: Cart, shippingCountry: unknown): Promise<CheckoutPricing | undefined> {
    const country =
      typeof shippingCountry === 'string' && /^[A-Za-z]{2}$/.test(shippingCountry)
        ? shippingCountry.toUpperCase()
        : (cart.shipping?.country ?? null);
    const priced = await this.pricing.price(cart.pricingBasis(this.changes.defaultCurrency, 'accepted'), {
      customerId: cart.customerId,
      codes: cart.promotionCodes,
      country,
    });
    return priced.unavailable.length > 0 ? undefined : checkoutPricing(priced);
  }
}

/** The priced cart in the contract's shape: lines keyed by variant id, shares with their codes. */
function checkoutPricing(priced: PricedCart): CheckoutPricing {
  const { breakdown } = priced;
  return {
    taxIncluded: breakdown.taxIncluded,
    taxCountry: priced.taxCountry,
    subtotal: breakdown.subtotal,
    discountTotal: breakdown.discountTotal,
    shippingTotal: breakdown.shippingTotal,
    taxTotal: breakdown.taxTotal,
    total: breakdown.total,
    lines: breakdown.lines.map((line, i) => ({
      lineId: priced.lines[i].variantId,
      quantity: line.quantity,
      unitPrice: line.unitPrice,
      amount: line.amount,
      discount: line.discount,
      tax: line.tax,
      taxRatePpm: priced.lines[i].taxRatePpm,
      total: line.total,
      byPromotion: priced.lines[i].byPromotion,
    })),
    shipping:
      priced.shipping === null
        ? null
        : {
            amount: breakdown.shipping.amount,
            discount: breakdown.shipping.discount,
            tax: breakdown.shipping.tax,
            taxRatePpm: priced.shipping.taxRatePpm,
            total: breakdown.shipping.total,
            byPromotion: priced.shipping.byPromotion,
          },
    promotions: priced.applied.map((p) => ({
      promotionId: p.promotionId,
      code: p.code,
      benefit: p.benefit,
      amount: p.amount,
    })),
    refused: priced.refused.map((r) => ({ type: r.type, code: r.code, promotionId: r.promotionId, detail: r.detail })),
  };
}
