import { Injectable } from '@nestjs/common';
import { CartChanges } from '../cart-changes';
import { CartView } from '../cart-view';

/** What `POST /carts/:id/accept-prices` needs: the cart and who asks (undefined for a guest). */
export interface AcceptPricesInput {
  readonly cartId: string;
  readonly userId: string | undefined;
}

/**
 * The customer agrees to catalog's current prices: every line is re-priced from catalog now and
 * those prices become the accepted ones (what checkout charges), so `priceChanged` clears.
 */
@Injectable()
export class AcceptPricesUseCase {
  constructor(private readonly changes: CartChanges) {}

  /** The cart at its newly accepted prices; a 404 problem when the caller may not use it. */
  async execute({ cartId, userId }: AcceptPricesInput): Promise<CartView> {
    const cart = await this.changes.accessible(cartId, userId);
    return this.changes.change(
      cartId,
      userId,
      cart.lines.map((l) => l.variantId),
      (locked) => locked.acceptPrices(new Date()),
    );
  }
}
