import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { CartForQuote, GetCartForQuote } from '../../contracts';
import { CartRepository } from '../../infrastructure/cart.repository';
import { CartChanges } from '../cart-changes';
import { isUuid } from '../../../../platform/ids';

/** A cart's lines for a shipping quote, for anyone who may use the cart (a guest cart's holder, a customer's own). */
@QueryHandler(GetCartForQuote)
export class GetCartForQuoteHandler implements IQueryHandler<GetCartForQuote> {
  constructor(
    private readonly carts: CartRepository,
    private readonly changes: CartChanges,
  ) {}

  async execute(query: GetCartForQuote): Promise<CartForQuote | null> {
    if (!isUuid(query.cartId)) return null;
    const cart = await this.carts.find(query.cartId.toLowerCase());
    if (!cart || !cart.isAccessibleTo(query.userId ?? undefined, new Date(), this.changes.guestTtlMs)) return null;
    return {
      cartId: cart.id,
      lines: cart.lines.map((l) => ({ variantId: l.variantId, quantity: l.quantity })),
      subtotal: cart.acceptedSubtotal(this.changes.defaultCurrency),
    };
  }
}
