import { Injectable } from '@nestjs/common';
import { CartChanges } from '../cart-changes';
import { CartView } from '../cart-view';

/** Takes one line out of the cart. */
@Injectable()
export class RemoveItemHandler {
  constructor(private readonly changes: CartChanges) {}

  execute(cartId: string, userId: string | undefined, itemId: string): Promise<CartView> {
    return this.changes.change(cartId, userId, [], (cart) => cart.removeLine(itemId, new Date()));
  }
}
