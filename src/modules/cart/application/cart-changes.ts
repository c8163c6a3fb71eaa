import { Inject, Injectable, Logger } from '@nestjs/common';
import { Transaction, UnitOfWork } from '../../../platform/messaging';
import { CART_CONFIG, CartConfig } from '../cart.config';
import { Cart } from '../domain/cart';
import { CartRuleViolation } from '../domain/cart-errors';
import { PricedVariant } from '../domain/priced-variant';
import { CartRepository } from '../infrastructure/cart.repository';
import { CatalogVariants } from './catalog-variants';
import { cartNotFound, cartProblem } from './cart-problems';
import { CartPricing } from './cart-pricing';
import { CartView, toCartView } from './cart-view';
import { isUuid } from '../../../platform/ids';

/** A change to a locked cart, given catalog's current view of the variants involved. */
export type CartMutation = (cart: Cart, variants: ReadonlyMap<string, PricedVariant>, tx: Transaction) => void;

/**
 * The one path every cart change takes: check the caller may use the cart, ask catalog (outside
 * any lock) about the variants involved and the stale snapshots, then lock the cart, apply the
 * change and save, all in one unit of work with its events.
 */
@Injectable()
export class CartChanges {
  private readonly logger = new Logger('Cart');

  constructor(
    private readonly uow: UnitOfWork,
    private readonly carts: CartRepository,
    private readonly catalog: CatalogVariants,
    private readonly pricing: CartPricing,
    @Inject(CART_CONFIG) private readonly config: CartConfig,
  ) {}

  /** The cart if `userId` may use it, else a 404 (someone else's cart looks like no cart). */
  async accessible(cartId: string, userId: string | undefined): Promise<Cart> {
    const cart = isUuid(cartId) ? await this.carts.find(cartId) : undefined;
    if (!cart || !cart.isAccessibleTo(userId, new Date(), this.guestTtlMs)) throw cartNotFound();
    return cart;
  }

  /** Applies `mutate` to the cart, with catalog's current view of `variantIds` and of stale lines. */
  async change(
    cartId: string,
    userId: string | undefined,
    variantIds: string[],
    mutate: CartMutation,
  ): Promise<CartView> {
    const before = await this.accessible(cartId, userId);
    const variants = await this.catalog.lookup([...variantIds, ...this.staleOf(before)]);
    return this.view(await this.applyLocked(cartId, userId, variants, mutate));
  }

  /**
   * Applies `mutate` to the cart without asking catalog (a change that touches no line) and without
   * pricing it for a view; the cart as saved.
   */
  async changeUnviewed(cartId: string, userId: string | undefined, mutate: CartMutation): Promise<Cart> {
    await this.accessible(cartId, userId);
    return this.applyLocked(cartId, userId, new Map(), mutate);
  }

  /** Reads a cart, first refreshing snapshots older than the configured age. */
  async read(cartId: string, userId: string | undefined): Promise<CartView> {
    const cart = await this.accessible(cartId, userId);
    const stale = this.staleOf(cart);
    if (stale.length === 0) return this.view(cart);
    let variants: Map<string, PricedVariant>;
    try {
      variants = await this.catalog.lookup(stale);
    } catch (error) {
      // A read still answers when catalog cannot: with the last known prices.
      this.logger.warn({ err: error, cartId }, 'Could not refresh cart prices; showing the last known ones');
      return this.view(cart);
    }
    return this.view(await this.applyLocked(cartId, userId, variants, () => undefined));
  }

  private applyLocked(
    cartId: string,
    userId: string | undefined,
    variants: ReadonlyMap<string, PricedVariant>,
    mutate: CartMutation,
  ): Promise<Cart> {
    return this.uow.run(async (tx) => {
      const cart = await this.carts.findLocked(tx, cartId);
      const now = new Date();
      if (!cart || !cart.isAccessibleTo(userId, now, this.guestTtlMs)) throw cartNotFound();
      const before = cart.lines;
      cart.refresh(variants, now);
      try {
        mutate(cart, variants, tx);
      } catch (error) {
        throw error instanceof CartRuleViolation ? cartProblem(error) : error;
      }
      await this.carts.save(tx, cart, before);
      return cart;
    });
  }

  /**
   * The cart as the API shows it: priced through promotions and tax at the lines' current prices, for
   * its customer and the chosen shipping method's country (else tax's default country).
   */
  async view(cart: Cart): Promise<CartView> {
    const priced = await this.pricing.price(cart.pricingBasis(this.config.defaultCurrency, 'current'), {
      customerId: cart.customerId,
      codes: cart.promotionCodes,
      country: cart.shipping?.country ?? null,
    });
    return toCartView(cart, priced);
  }

  /** Currency of an empty cart's totals. */
  get defaultCurrency(): string {
    return this.config.defaultCurrency;
  }

  /** How long a guest cart lives untouched (GUEST_CART_TTL_HOURS), in ms. */
  get guestTtlMs(): number {
    return this.config.guestCartTtlHours * 3_600_000;
  }

  private staleOf(cart: Cart): string[] {
    return cart.staleVariantIds(new Date(), this.config.priceMaxAgeSeconds * 1000);
  }
}
