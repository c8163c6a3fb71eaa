import { Injectable } from '@nestjs/common';
import { CartChanges } from '../cart-changes';
import { CartView } from '../cart-view';

/** Sets the quantity of one line, checked against catalog's current availability. */
@Injectable()
export class ChangeItemQuantityHandler {
  constructor(private readonly changes: CartChanges) {}

  async execute(cartId: string, userId: string | undefined, itemId: string, quantity: number): Promise<CartView> {
    const cart = await this.changes.accessible(cartId, userId);
    const variantIds = cart.lines.filter((l) => l.id === itemId).map((l) => l.variantId);
    return this.changes.change(cartId, userId, variantIds, (locked, variants) => {
      const variantId = locked.lines.find((l) => l.id === itemId)?.variantId;
      locked.changeQuantity(itemId, quantity, variantId ? variants.get(variantId) : undefined, new Date());
    });
  }
}
