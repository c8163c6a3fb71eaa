import { Injectable } from '@nestjs/common';
import { CartChanges } from '../cart-changes';
import { CartView } from '../cart-view';

/** What `DELETE /carts/:id/shipping-method` needs: the cart and who asks (undefined for a guest). */
export interface ClearShippingMethodInput {
  readonly cartId: string;
  readonly userId: string | undefined;
}

/** `DELETE /carts/:id/shipping-method`: the cart forgets the chosen method (idempotent). */
@Injectable()
export class ClearShippingMethodUseCase {
  constructor(private readonly changes: CartChanges) {}

  execute(input: ClearShippingMethodInput): Promise<CartView> {
    return this.changes.change(input.cartId, input.userId, [], (locked) => locked.clearShipping(new Date()));
  }
}
