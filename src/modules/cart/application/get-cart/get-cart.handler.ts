import { Injectable } from '@nestjs/common';
import { CartChanges } from '../cart-changes';
import { CartView } from '../cart-view';

/** Shows a cart to whoever may use it, with prices refreshed when their snapshot is too old. */
@Injectable()
export class GetCartHandler {
  constructor(private readonly changes: CartChanges) {}

  execute(cartId: string, userId: string | undefined): Promise<CartView> {
    return this.changes.read(cartId, userId);
  }
}
