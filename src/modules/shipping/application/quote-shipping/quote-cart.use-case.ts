import { Injectable } from '@nestjs/common';
import { ProblemException } from '../../../../platform/http';
import { MessageBus } from '../../../../platform/messaging';
import { GetCartForQuote } from '../../../cart';
import { ShippingOptions } from '../../contracts';
import { ShippingQuotes } from './shipping-quotes';

export interface QuoteCartInput {
  readonly cartId: string;
  readonly country: string;
  /** The caller (undefined when anonymous): a guest cart is anyone's who holds its id; a customer's cart only its customer's (another's is a 404). */
  readonly userId: string | undefined;
}

/**
 * `GET /shipping/options?cartId=…&country=…`: the methods for a cart the caller may use (a guest
 * cart, or their own), priced on its lines at their accepted prices after the discounts of its
 * promotions on goods (cart's `GetCartForQuote`; an older cart, or one whose promotions did not
 * answer, gives only the subtotal before discounts) and weights.
 */
@Injectable()
export class QuoteCartUseCase {
  constructor(
    private readonly bus: MessageBus,
    private readonly quotes: ShippingQuotes,
  ) {}

  async execute(input: QuoteCartInput): Promise<ShippingOptions> {
    const cart = await this.bus.query(new GetCartForQuote(input.cartId, input.userId ?? null));
    if (!cart) throw ProblemException.notFound('Cart');
    return this.quotes.options({
      country: input.country,
      discountedSubtotal: cart.discountedSubtotal ?? cart.subtotal,
      lines: cart.lines.map((line) => ({ variantId: line.variantId, quantity: line.quantity })),
    });
  }
}
