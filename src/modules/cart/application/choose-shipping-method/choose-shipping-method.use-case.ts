import { Injectable } from '@nestjs/common';
import { ProblemException } from '../../../../platform/http';
import { MessageBus } from '../../../../platform/messaging';
import { QuoteShippingMethod } from '../../../shipping';
import { Cart } from '../../domain/cart';
import { CartChanges } from '../cart-changes';
import { CartPricing } from '../cart-pricing';
import { CartView } from '../cart-view';

/** What `PUT /carts/:id/shipping-method` needs. */
export interface ChooseShippingMethodInput {
  readonly cartId: string;
  /** Who asks; undefined for a guest. */
  readonly userId: string | undefined;
  readonly methodId: string;
  /** The destination (ISO 3166-1 alpha-2, upper case). */
  readonly country: string;
}

/**
 * The customer chooses how the cart travels: shipping quotes the method for the cart's lines (at
 * their accepted prices, after the discounts of its promotions on goods: ADR 0106/0107) and the destination, and the cart keeps the method at that price, which the
 * customer accepts by choosing. A refusal (the method does not serve the country, is unavailable,
 * has no price in the cart's currency, cannot carry the weight) is a 409 named after it, and the cart
 * keeps what it had.
 */
@Injectable()
export class ChooseShippingMethodUseCase {
  constructor(
    private readonly changes: CartChanges,
    private readonly bus: MessageBus,
    private readonly pricing: CartPricing,
  ) {}

  async execute(input: ChooseShippingMethodInput): Promise<CartView> {
    const cart = await this.changes.accessible(input.cartId, input.userId);
    if (cart.lines.length === 0) {
      throw ProblemException.conflict('cart-empty', 'An empty cart has nothing to ship; add items first.');
    }
    const { quote, refusal } = await this.bus.query(
      new QuoteShippingMethod(
        input.methodId,
        input.country,
        await this.discountedSubtotal(cart),
        cart.lines.map((l) => ({ variantId: l.variantId, quantity: l.quantity })),
        null,
      ),
    );
    if (refusal || !quote) {
      throw ProblemException.conflict(refusal?.code ?? 'shipping-method-unavailable', refusal?.detail ?? '', {
        methodId: input.methodId,
        country: input.country,
      });
    }
    const choice = { methodId: quote.methodId, name: quote.name, country: input.country, price: quote.price };
    // Lines changed while shipping quoted: the method is kept, its price flagged as stale.
    return this.changes.change(input.cartId, input.userId, [], (locked) =>
      locked.chooseShipping(choice, new Date(), cart.lines, cart.promotionCodes),
    );
  }

  /**
   * What shipping quotes on: the lines at their accepted prices after the discounts on goods (what
   * checkout re-quotes on too). When promotions does not answer, the subtotal before discounts:
   * checkout cannot price the cart then anyway, and re-quotes once it can.
   */
  private async discountedSubtotal(cart: Cart) {
    const basis = cart.pricingBasis(this.changes.defaultCurrency, 'accepted');
    const discounted = await this.pricing.discountedSubtotal(basis, cart.promotionCodes, cart.customerId);
    return discounted ?? cart.acceptedSubtotal(this.changes.defaultCurrency);
  }
}
