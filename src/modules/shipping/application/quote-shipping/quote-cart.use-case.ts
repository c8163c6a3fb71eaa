import { Injectable } from '@nestjs/common';
import { ProblemException } from '../../../../platform/http';
import { MessageBus } from '../../../../platform/messaging';
import { GetCartForCheckout } from '../../../cart';
import { ShippingOptions } from '../../contracts';
import { ShippingQuotes } from './shipping-quotes';

export interface QuoteCartInput {
  readonly cartId: string;
  readonly country: string;
  /** The caller; the cart must be theirs (another's is a 404). */
  readonly customerId: string;
}

/**
 * `GET /shipping/options?cartId=…&country=…`: the methods for the caller's cart, priced on its lines
 * at their accepted prices (cart's `GetCartForCheckout`) and weights. Discounts on goods come with
 * promotions (issue 19); until then the discounted subtotal is the subtotal.
 */
@Injectable()
export class QuoteCartUseCase {
  constructor(
    private readonly bus: MessageBus,
    private readonly quotes: ShippingQuotes,
  ) {}

  async execute(input: QuoteCartInput): Promise<ShippingOptions> {
    const cart = await this.bus.query(new GetCartForCheckout(input.cartId, input.customerId));
    if (!cart) throw ProblemException.notFound('Cart');
    return this.quotes.options({
      country: input.country,
      discountedSubtotal: cart.subtotal,
      lines: cart.lines.map((line) => ({ variantId: line.variantId, quantity: line.quantity })),
    });
  }
}
