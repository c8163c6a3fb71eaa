import { Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { ProblemException } from '../../../../platform/http';
import { CartItemAdded } from '../../contracts';
import { CartChanges } from '../cart-changes';
import { CartView } from '../cart-view';

/** Puts a quantity of a variant in the cart at catalog's current price; announces it (CartItemAdded). */
@Injectable()
export class AddItemHandler {
  constructor(private readonly changes: CartChanges) {}

  execute(cartId: string, userId: string | undefined, variantId: string, quantity: number): Promise<CartView> {
    return this.changes.change(cartId, userId, [variantId], (cart, variants, tx) => {
      const variant = variants.get(variantId);
      if (!variant) throw ProblemException.notFound('Variant');
      cart.addItem(variant, quantity, new Date(), uuidv7);
      tx.publish(
        new CartItemAdded({
          cartId: cart.id,
          customerId: cart.customerId,
          variantId,
          productId: variant.productId,
          quantity,
        }),
      );
    });
  }
}
