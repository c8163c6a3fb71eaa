import { Injectable } from '@nestjs/common';
import { CartChanges } from '../cart-changes';
import { CartView } from '../cart-view';

/** What `GET /carts/:id` needs: the cart and who asks (undefined for a guest). */
export interface GetCartInput {
  readonly cartId: string;
  readonly userId: string | undefined;
}

/** Shows a cart to whoever may use it, with prices refreshed when their snapshot is too old. */
@Injectable()
export class GetCartUseCase {
  constructor(private readonly changes: CartChanges) {}

  /** The cart; a 404 problem when the caller may not use it. */
  execute({ cartId, userId }: GetCartInput): Promise<CartView> {
    return this.changes.read(cartId, userId);
  }
}
