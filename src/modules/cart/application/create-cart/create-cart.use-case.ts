import { Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { ProblemException } from '../../../../platform/http';
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
 * one back (`created: false`), so a customer never has two carts to choose from at checkout. An
 * open cart closed by its checkout between being found and being read is no answer: the customer
 * gets a new cart, never a 404 for a cart they did not name.
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
      if (existing) {
        const cart = await this.changes.read(existing.id, customerId).catch(closedMeanwhile);
        if (cart) return { cart, created: false };
        return this.execute({ customerId });
      }
    }
    const cart = Cart.open(uuidv7(), customerId ?? null, new Date());
    const inserted = await this.uow.run((tx) => this.carts.insert(tx, cart));
    // Lost a race with a concurrent POST /carts of the same customer: answer with the winner.
    if (!inserted) return this.execute({ customerId });
    return { cart: await this.changes.view(cart), created: true };
  }
}

/** A 404 reading the cart just found means it was closed meanwhile (undefined); anything else is thrown. */
function closedMeanwhile(error: unknown): undefined {
  if (error instanceof ProblemException && error.getStatus() === 404) return undefined;
  throw error;
}
