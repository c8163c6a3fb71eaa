import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { CartForQuote, GetCartForQuote } from '../../contracts';
import { CartRepository } from '../../infrastructure/cart.repository';
import { CartChanges } from '../cart-changes';
import { CartPricing } from '../cart-pricing';
import { isUuid } from '../../../../platform/ids';

/**
 * A cart's lines for a shipping quote, for anyone who may use the cart (a guest cart's holder, a
 * customer's own), with the subtotal after the discounts of its promotions (the same `CartPricing`).
 */
@QueryHandler(GetCartForQuote)
export class GetCartForQuoteHandler implements IQueryHandler<GetCartForQuote> {
  constructor(
    private readonly carts: CartRepository,
    private readonly changes: CartChanges,
    private readonly pricing: CartPricing,
  ) {}

  async execute(query: GetCartForQuote): Promise<CartForQuote | null> {
    if (!isUuid(query.cartId)) return null;
    const cart = await this.carts.find(query.cartId.toLowerCase());
    if (!cart || !cart.isAccessibleTo(query.userId ?? undefined, new Date(), this.changes.guestTtlMs)) return null;
    const basis = cart.pricingBasis(this.changes.defaultCurrency, 'accepted');
    const discountedSubtotal = await this.pricing.discountedSubtotal(basis, cart.promotionCodes, cart.customerId);
    return {
      cartId: cart.id,
      lines: cart.lines.map((l) => ({ variantId: l.variantId, quantity: l.quantity })),
      subtotal: cart.acceptedSubtotal(this.changes.defaultCurrency),
      ...(discountedSubtotal ? { discountedSubtotal } : {}),
    };
  }
}
