import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { CheckoutCart, GetCartForCheckout } from '../../contracts';
import { CartRepository } from '../../infrastructure/cart.repository';
import { CartChanges } from '../cart-changes';
import { isUuid } from '../../../../platform/ids';

/** Checkout's view of a customer's open cart: lines with the prices the customer accepted. */
@QueryHandler(GetCartForCheckout)
export class GetCartForCheckoutHandler implements IQueryHandler<GetCartForCheckout> {
  constructor(
    private readonly carts: CartRepository,
    private readonly changes: CartChanges,
  ) {}

  async execute(query: GetCartForCheckout): Promise<CheckoutCart | null> {
    if (!isUuid(query.cartId)) return null;
    const cart = await this.carts.find(query.cartId);
    if (!cart || cart.status !== 'open' || cart.customerId === null || cart.customerId !== query.customerId) {
      return null;
    }
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
    };
  }
}
