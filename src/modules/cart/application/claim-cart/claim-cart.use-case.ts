import { Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { Transaction, UnitOfWork } from '../../../../platform/messaging';
import { Cart } from '../../domain/cart';
import { CartRepository } from '../../infrastructure/cart.repository';
import { CatalogVariants } from '../catalog-variants';
import { CartChanges } from '../cart-changes';
import { cartNotFound } from '../cart-problems';
import { CartView } from '../cart-view';

/** What `POST /carts/:id/claim` needs: the guest cart and the signed-in customer taking it. */
export interface ClaimCartInput {
  readonly guestCartId: string;
  readonly customerId: string;
}

/**
 * A signed-in customer takes over a guest cart: its lines are merged into the customer's open
 * cart (opened if there is none), quantities adding up within availability, and the guest cart
 * is retired. Claiming one's own cart answers it unchanged; anyone else's customer cart is a 404.
 */
@Injectable()
export class ClaimCartUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly carts: CartRepository,
    private readonly catalog: CatalogVariants,
    private readonly changes: CartChanges,
  ) {}

  /** The customer's cart after the merge; a 404 problem for a cart the customer may not take. */
  async execute({ guestCartId, customerId }: ClaimCartInput): Promise<CartView> {
    const source = await this.changes.accessible(guestCartId, customerId);
    if (!source.isGuest) return this.changes.read(source.id, customerId);
    const mine = await this.carts.findOpenOf(customerId);
    const variants = await this.catalog.lookup([...source.lines, ...(mine?.lines ?? [])].map((l) => l.variantId));
    const cart = await this.uow.run(async (tx) => {
      const now = new Date();
      const guest = await this.carts.findLocked(tx, guestCartId);
      if (!guest || !guest.isGuest || !guest.isAccessibleTo(customerId, now, this.changes.guestTtlMs)) {
        throw cartNotFound();
      }
      const target = await this.openCartOf(tx, customerId, now);
      // Lines added after the first look: ask catalog about them too (rare, so the lock is held briefly).
      const missing = [...guest.lines, ...target.lines].map((l) => l.variantId).filter((id) => !variants.has(id));
      if (missing.length > 0) for (const [id, v] of await this.catalog.lookup(missing)) variants.set(id, v);
      const [guestBefore, targetBefore] = [guest.lines, target.lines];
      target.absorb(guest, variants, now, uuidv7);
      guest.retireAsClaimed(now);
      await this.carts.save(tx, guest, guestBefore);
      await this.carts.save(tx, target, targetBefore);
      return target;
    });
    return this.changes.view(cart);
  }

  private async openCartOf(tx: Transaction, customerId: string, now: Date): Promise<Cart> {
    const existing = await this.carts.findOpenOfLocked(tx, customerId);
    if (existing) return existing;
    const cart = Cart.open(uuidv7(), customerId, now);
    if (await this.carts.insert(tx, cart)) return cart;
    // A concurrent POST /carts opened one first; the insert waited for it, so it is visible now.
    const winner = await this.carts.findOpenOfLocked(tx, customerId);
    if (!winner) throw new Error(`Customer ${customerId} has no open cart after a conflicting insert`);
    return winner;
  }
}
