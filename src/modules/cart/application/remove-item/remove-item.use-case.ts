import { Injectable } from '@nestjs/common';
import { CartChanges } from '../cart-changes';
import { CartView } from '../cart-view';

/** What `DELETE /carts/:id/items/:itemId` needs. */
export interface RemoveItemInput {
  readonly cartId: string;
  /** Who asks; undefined for a guest. */
  readonly userId: string | undefined;
  readonly itemId: string;
}

/** Takes one line out of the cart. */
@Injectable()
export class RemoveItemUseCase {
  constructor(private readonly changes: CartChanges) {}

  /** The cart without the line; a 404 problem when there is no such line. */
  execute({ cartId, userId, itemId }: RemoveItemInput): Promise<CartView> {
    return this.changes.change(cartId, userId, [], (cart) => cart.removeLine(itemId, new Date()));
  }
}
