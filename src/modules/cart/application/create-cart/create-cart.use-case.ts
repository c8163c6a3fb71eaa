import { Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { UnitOfWork } from '../../../../platform/messaging';
import { Cart } from '../../domain/cart';
import { CartRepository } from '../../infrastructure/cart.repository';
import { CartChanges } from '../cart-changes';
import { CartView } from '../cart-view';

/** What `POST /carts` needs: who asks (undefined for a guest). */
export interface CreateCartInput {
  readonly customerId: string | undefined;
}

/** The cart, and whether it was opened now (false: the customer's existing open cart). */
export interface CreatedCart {
  readonly cart: CartView;
  readonly created: boolean;
}

/**
 * Opens a cart. A guest always gets a new one; a customer who already has an open cart gets that
 * one back (`created: false`), so a customer never has two carts to choose from at checkout.
 */
@Injectable()
export class CreateCartUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly carts: CartRepository,
    private readonly changes: CartChanges,
  ) {}

  /** A new cart, or the customer's open one. */
  async execute({ customerId }: CreateCartInput): Promise<CreatedCart> {
    if (customerId !== undefined) {
      const existing = await this.carts.findOpenOf(customerId);
      if (existing) return { cart: await this.changes.read(existing.id, customerId), created: false };
    }
    const cart = Cart.open(uuidv7(), customerId ?? null, new Date());
    const inserted = await this.uow.run((tx) => this.carts.insert(tx, cart));
    // Lost a race with a concurrent POST /carts of the same customer: answer with the winner.
    if (!inserted) return this.execute({ customerId });
    return { cart: this.changes.view(cart), created: true };
  }
}
