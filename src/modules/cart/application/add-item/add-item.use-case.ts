import { Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { ProblemException } from '../../../../platform/http';
import { CartItemAdded } from '../../contracts';
import { CartChanges } from '../cart-changes';
import { CartView } from '../cart-view';

/** What `POST /carts/:id/items` needs. */
export interface AddItemInput {
  readonly cartId: string;
  /** Who asks; undefined for a guest. */
  readonly userId: string | undefined;
  readonly variantId: string;
  readonly quantity: number;
}

/** Puts a quantity of a variant in the cart at catalog's current price; announces it (CartItemAdded). */
@Injectable()
export class AddItemUseCase {
  constructor(private readonly changes: CartChanges) {}

  /** The cart with the line added (or merged into the line of the same variant). */
  execute({ cartId, userId, variantId, quantity }: AddItemInput): Promise<CartView> {
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
