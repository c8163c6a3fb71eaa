import { Injectable } from '@nestjs/common';
import { CartChanges } from '../cart-changes';

/** What `DELETE /carts/:id/promotions/:code` needs: the cart, who asks (undefined for a guest), the code. */
export interface RemovePromotionCodeInput {
  readonly cartId: string;
  readonly userId: string | undefined;
  readonly code: string;
}

/** Removes an applied promotion code from the cart (case-insensitive). */
@Injectable()
export class RemovePromotionCodeUseCase {
  constructor(private readonly changes: CartChanges) {}

  /** @throws ProblemException 404 when the caller may not use the cart, or the cart does not hold the code. */
  async execute({ cartId, userId, code }: RemovePromotionCodeInput): Promise<void> {
    const wanted = code.trim().toUpperCase();
    await this.changes.changeUnviewed(cartId, userId, (cart) => cart.removePromotionCode(wanted, new Date()));
  }
}
