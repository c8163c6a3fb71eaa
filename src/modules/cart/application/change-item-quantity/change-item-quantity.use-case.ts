import { Injectable } from '@nestjs/common';
import { CartChanges } from '../cart-changes';
import { CartView } from '../cart-view';

/** What `PATCH /carts/:id/items/:itemId` needs. */
export interface ChangeItemQuantityInput {
  readonly cartId: string;
  /** Who asks; undefined for a guest. */
  readonly userId: string | undefined;
  readonly itemId: string;
  readonly quantity: number;
}

/** Sets the quantity of one line, checked against catalog's current availability. */
@Injectable()
export class ChangeItemQuantityUseCase {
  constructor(private readonly changes: CartChanges) {}

  /** The cart with the line's new quantity. */
  async execute({ cartId, userId, itemId, quantity }: ChangeItemQuantityInput): Promise<CartView> {
    const cart = await this.changes.accessible(cartId, userId);
    const variantIds = cart.lines.filter((l) => l.id === itemId).map((l) => l.variantId);
    return this.changes.change(cartId, userId, variantIds, (locked, variants) => {
      const variantId = locked.lines.find((l) => l.id === itemId)?.variantId;
      locked.changeQuantity(itemId, quantity, variantId ? variants.get(variantId) : undefined, new Date());
    });
  }
}
