import { Injectable } from '@nestjs/common';
import { CartChanges } from '../cart-changes';
import { CartView } from '../cart-view';

/**
 * The customer agrees to catalog's current prices: every line is re-priced from catalog now and
 * those prices become the accepted ones (what checkout charges), so `priceChanged` clears.
 */
@Injectable()
export class AcceptPricesHandler {
  constructor(private readonly changes: CartChanges) {}

  async execute(cartId: string, userId: string | undefined): Promise<CartView> {
    const cart = await this.changes.accessible(cartId, userId);
    return this.changes.change(
      cartId,
      userId,
      cart.lines.map((l) => l.variantId),
      (locked) => locked.acceptPrices(new Date()),
    );
  }
}
